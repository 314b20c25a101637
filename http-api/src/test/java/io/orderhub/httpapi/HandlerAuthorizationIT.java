package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.HandlerAuthorization;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.method.HandlerMethod;

/**
 * Authorization is decided from the handler Spring MVC matched, deny by default: a handler that declares
 * neither a scope nor {@code @PermitAll} is refused even to the admin key, and is listed as undeclared.
 */
class HandlerAuthorizationIT extends GuardRailsTestBase {

    @Autowired
    HandlerAuthorization authorization;

    @Test
    void refusesAHandlerThatDeclaresNothingEvenToTheAdminKey() {
        HttpResponse<String> response = client(ADMIN_KEY).get("/api/v1/orders/" + UUID.randomUUID() + "/undeclared");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("not open to any API key");
    }

    @Test
    void grantsAnAdminOnlyHandlerToTheAdminKeyAloneWhateverScopesAnotherKeyHolds() {
        String path = "/api/v1/orders/" + UUID.randomUUID() + "/admin-only";

        HttpResponse<String> shop = client(SHOP_KEY).get(path);

        assertThat(shop.statusCode()).isEqualTo(403);
        assertThat(shop.body()).contains("Only the admin key");
        assertThat(client(ADMIN_KEY).get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void wantsTheScopeFirstAndThenTheAdminKeyWhereAHandlerDeclaresBoth() {
        String path = "/api/v1/orders/" + UUID.randomUUID() + "/operator-read";

        HttpResponse<String> scoped = client(READONLY_KEY).get(path);
        assertThat(scoped.statusCode()).isEqualTo(403);
        assertThat(scoped.body()).contains("Only the admin key").doesNotContain("insufficient-scope");
        assertThat(client(ADMIN_KEY).get(path).statusCode()).isEqualTo(200);
        assertThat(client(null).get(path).statusCode()).isEqualTo(401);
    }

    @Test
    void listsTheUndeclaredHandlerAndNoOther() {
        assertThat(authorization.undeclaredHandlers())
                .extracting(HandlerMethod::getMethod)
                .extracting(method -> method.getName())
                .containsExactly("undeclared");
    }

    @Test
    void grantsTheDeclaredScopeOnly() {
        String id = UUID.randomUUID().toString();

        assertThat(client(READONLY_KEY).get("/api/v1/orders/" + id).statusCode())
                .isEqualTo(404);
        assertThat(client(READONLY_KEY)
                        .post("/api/v1/payments", order("readonly", "ref-" + id, "1"))
                        .statusCode())
                .isEqualTo(403);
    }
}
