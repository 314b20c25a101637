package io.orderhub.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What every service's OpenAPI description ({@code /v3/api-docs}) must say, checked the same way in each
 * service's {@code OpenApiIT}: its operations, and the guard rails the shared HTTP kit adds to them.
 */
public final class ApiDescriptions {

    private ApiDescriptions() {}

    /**
     * The description is the service's ({@code "Order Hub <service>"}), each path has exactly the given
     * methods, and Spring's {@code /error} is not described.
     */
    public static void assertOperations(JsonNode api, String service, Map<String, Set<String>> operations) {
        assertThat(api.at("/info/title").asString()).isEqualTo("Order Hub " + service);
        operations.forEach(
                (path, methods) -> assertThat(api.get("paths").get(path).propertyNames())
                        .as(path)
                        .containsExactlyInAnyOrderElementsOf(methods));
        assertThat(api.get("paths").propertyNames()).doesNotContain("/error");
    }

    /** Every operation requires the bearer API key, and problems have the RFC 9457 schema with the old envelope. */
    public static void assertBearerKeyAndProblems(JsonNode api) {
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.get("security").valueStream().anyMatch(requirement -> requirement.has("bearer")))
                .isTrue();
        assertThat(api.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors", "success", "error");
    }
}
