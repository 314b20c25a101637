package io.orderhub.httpapi;

import io.orderhub.httpapi.request.JsonReadLimits;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' {@link JsonMapper} reads with {@link JsonReadLimits}. Spring Boot's builder bean starts
 * from Jackson's default factory and a customizer cannot swap the factory, so this replaces the builder
 * (Boot backs off, {@code @ConditionalOnMissingBean}) and applies Boot's customizers to it as Boot does:
 * {@code spring.jackson.*} settings keep working.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
public class JsonLimitsAutoConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonReadLimits.factory());
        List<JsonMapperBuilderCustomizer> ordered = new ArrayList<>(customizers);
        AnnotationAwareOrderComparator.sort(ordered);
        ordered.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
