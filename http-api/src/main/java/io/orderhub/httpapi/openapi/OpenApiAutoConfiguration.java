package io.orderhub.httpapi.openapi;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.orderhub.httpapi.HttpApiAutoConfiguration;
import io.orderhub.httpapi.HttpApiProperties;
import io.orderhub.httpapi.apikey.ProtectedPaths;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * {@code /v3/api-docs} of every service (springdoc) as the contract reads: titled after the service, the
 * {@code bearer} API key required everywhere except on public paths, and on every authenticated operation
 * the problem answers the guard rails give (see {@link ContractResponses}).
 */
@AutoConfiguration(after = HttpApiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
public class OpenApiAutoConfiguration {

    /** The name of the security scheme: {@code Authorization: Bearer <api key>}. */
    public static final String BEARER = "bearer";

    /** The version of the REST contract the services implement. */
    static final String API_VERSION = "v1";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI orderhubOpenApi(Environment environment) {
        String service = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info()
                        .title("Order Hub " + service)
                        .version(API_VERSION)
                        .description("""
                                The REST API %s of Order Hub's %s, as the public contract defines it \
                                (ARCHITECTURE.md, "REST contract"; deliberate differences in \
                                docs/contract-notes.md). JSON in snake_case; answers in \
                                `{"success": true, "data": ...}`, lists with `next_cursor`; errors are \
                                RFC 9457 problems (`application/problem+json`) that also carry the old hub's \
                                `success: false` and `error: {code, message}`. Every `/api/v1` endpoint \
                                except health and the provider webhooks needs `Authorization: Bearer <api key>`.\
                                """.formatted(API_VERSION, service)))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key of API_KEYS: `Authorization: Bearer <key>`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Schemas with the contract's snake_case names. swagger-core reads beans with its own Jackson 2 mapper,
     * which knows nothing of the services' Jackson 3 naming ({@code orderhub-http.yml}); this resolver takes
     * the place of its default one. First in the list, so that springdoc's converters run before it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver orderhubSnakeCaseModels(SpringDocConfigProperties springDoc) {
        boolean openApi31 = springDoc.isOpenapi31();
        return new ModelResolver((openApi31 ? Json31.mapper() : Json.mapper())
                        .copy()
                        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
                .openapi31(openApi31);
    }

    /** Last in the list, so first to see a type: converters are consulted in reverse order of registration. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ModelConverter orderhubJsonTreeModels() {
        return new JsonTreeModels();
    }

    @Bean
    OpenApiCustomizer orderhubContractResponses(HttpApiProperties properties) {
        return new ContractResponses(new ProtectedPaths(properties.publicPaths()));
    }
}
