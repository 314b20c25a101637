package io.orderhub.httpapi.openapi;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import tools.jackson.databind.JsonNode;

/**
 * A Jackson 3 {@link JsonNode} (a channel's {@code metadata}, kept as sent) is any JSON object, not a bean:
 * swagger-core knows only Jackson 2's tree and would describe the node's getters.
 */
final class JsonTreeModels implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getType() != null
                && JsonNode.class.isAssignableFrom(TypeFactory.defaultInstance()
                        .constructType(type.getType())
                        .getRawClass())) {
            return new ObjectSchema().description("Any JSON object; kept as sent.");
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
