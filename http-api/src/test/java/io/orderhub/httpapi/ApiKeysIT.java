package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeysIT extends GuardRailsTestBase {

    @Test
    void answers401WithoutAnAuthorizationHeader() {
        HttpResponse<String> response = client(null).get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"orderhub\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://orderhub.io/problems/missing-api-key\"")
                .contains("\"success\":false")
                .contains("\"code\":\"MISSING_API_KEY\"");
    }

    @Test
    void answers401ForAMalformedHeader() {
        HttpResponse<String> response = client(null)
                .send(
                        "GET",
                        "/api/v1/orders/" + UUID.randomUUID(),
                        new byte[0],
                        Map.of("Authorization", "Basic d2M6c2VjcmV0"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("missing-api-key");
    }

    @Test
    void answers401ForAnUnknownKeyWithoutEchoingIt() {
        HttpResponse<String> response = client("not-a-configured-key-123").get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid-api-key").doesNotContain("not-a-configured-key-123");
    }

    @Test
    void acceptsAKeyConfiguredOnlyAsItsSha256() {
        HttpResponse<String> response = client(B2B_KEY).post("/api/v1/orders", order("b2b", ref(), "10.00"));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void answers403WhenTheKeyLacksTheScopeTheHandlerDeclares() {
        HttpResponse<String> response = client(READONLY_KEY).post("/api/v1/orders", order("readonly", ref(), "1"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("insufficient-scope").contains("orders:write");
    }

    @Test
    void answers403WhenAChannelCreatesForAnotherSource() {
        HttpResponse<String> response = client(POS_KEY).post("/api/v1/orders", order("woocommerce", ref(), "1"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"type\":\"https://orderhub.io/problems/forbidden\"");
    }

    @Test
    void hidesAnotherChannelsDataAs404ButShowsItToAdmin() {
        String location = client(SHOP_KEY)
                .post("/api/v1/orders", order("woocommerce", ref(), "5.00"))
                .headers()
                .firstValue("Location")
                .orElseThrow();

        assertThat(client(SHOP_KEY).get(location).statusCode()).isEqualTo(200);
        assertThat(client(POS_KEY).get(location).statusCode()).isEqualTo(404);
        assertThat(client(ADMIN_KEY).get(location).statusCode()).isEqualTo(200);
    }

    @Test
    void leavesHealthOpen() {
        assertThat(client(null).get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(client(null).get("/health").statusCode()).isEqualTo(200);
    }

    private static String ref() {
        return "ref-" + UUID.randomUUID();
    }
}
