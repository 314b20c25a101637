package io.orderhub.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The released versions of each event schema, kept as {@code released/<Record>-v<N>.avsc} in the
 * schemas module and shipped inside its jar. Released schemas are self-contained (every named type
 * inlined), so each parses on its own.
 */
public final class ReleasedSchemas {

    private static final String RESOURCE_DIRECTORY = "/io/orderhub/schemas/released/";

    private ReleasedSchemas() {}

    /** The released versions of one topic's value schema, oldest first. */
    public static List<Schema> of(EventTopic topic) {
        List<Schema> versions = new ArrayList<>();
        String recordName = topic.valueSchema().getName();
        for (int version = 1; ; version++) {
            String resource = RESOURCE_DIRECTORY + recordName + "-v" + version + ".avsc";
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + resource, e);
            }
        }
    }
}
