package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.testapp.GuardRailsTestApplication;
import io.orderhub.testsupport.ApiClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

class RateLimitIT extends GuardRailsTestBase {

    @Autowired
    Environment environment;

    @Test
    void answersRateLimitHeadersOnEveryAuthenticatedAnswer() {
        HttpResponse<String> response = client(SHOP_KEY).get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("100000");
        assertThat(response.headers().firstValue("RateLimit-Remaining")).isPresent();
        assertThat(response.headers().firstValue("RateLimit-Reset")).isPresent();
    }

    @Test
    void doesNotCountRequestsRejectedBeforeAuthentication() {
        HttpResponse<String> response = client("unknown-key-00001").get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("RateLimit-Limit")).isEmpty();
    }

    @Test
    void sharesOneLimitBetweenTwoInstancesOfTheService() {
        // A second instance of the same service: its own JVM state, the same database.
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(GuardRailsTestApplication.class)
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "spring.flyway.enabled=false")
                .run()) {
            int secondPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            ApiClient first = client(LIMITED_KEY);
            ApiClient other = ApiClient.of("http://localhost:" + secondPort, LIMITED_KEY);

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add((i % 2 == 0 ? first : other).get("/api/v1/orders/" + UUID.randomUUID()));
            }

            assertThat(answers.subList(0, 3))
                    .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
            assertThat(answers.get(2).headers().firstValue("RateLimit-Remaining"))
                    .hasValue("0");
            HttpResponse<String> refused = answers.get(3);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(Long.parseLong(
                            refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 3600L);
            assertThat(refused.body()).contains("\"type\":\"https://orderhub.io/problems/rate-limited\"");
        }
    }
}
