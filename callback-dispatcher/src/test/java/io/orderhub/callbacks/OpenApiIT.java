package io.orderhub.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.HandlerAuthorization;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.ApiDescriptions;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** {@code /v3/api-docs}: the callbacks API, its guard rails and the deliveries as an operator sees them. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"API_KEYS=admin:admin-callbacks-key", "RATE_LIMIT=100000/1m"})
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class OpenApiIT {

    @LocalServerPort
    int port;

    JsonNode api;

    @BeforeEach
    void readDescription() {
        HttpResponse<String> docs =
                ApiClient.of("http://localhost:" + port, null).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        api = DispatcherApi.json(docs.body());
    }

    @Test
    void describesTheDeliveriesAndEndpointsOfTheCallbacksApi() {
        Map<String, Set<String>> operations = Map.of(
                "/api/v1/callbacks/deliveries", Set.of("get"),
                "/api/v1/callbacks/deliveries/{id}/replay", Set.of("post"),
                "/api/v1/callbacks/endpoints", Set.of("get"),
                "/api/v1/callbacks/endpoints/health", Set.of("get"),
                "/api/v1/callbacks/endpoints/{name}/enable", Set.of("post"));
        ApiDescriptions.assertOperations(api, "callback-dispatcher", operations);
        JsonNode list = api.at("/paths/~1api~1v1~1callbacks~1deliveries/get");
        assertThat(list.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("order_id", "status", "channel", "limit", "cursor");
        assertThat(list.at("/responses/200/content/application~1json/examples/delivered/value/data/0/attempts"))
                .hasSize(2);
    }

    @Test
    void requiresTheBearerKeyAndDescribesProblems() {
        ApiDescriptions.assertBearerKeyAndProblems(api);
        JsonNode replay = api.at("/paths/~1api~1v1~1callbacks~1deliveries~1{id}~1replay/post");
        assertThat(replay.get("responses").propertyNames()).contains("202", "401", "404", "409", "429");
        assertThat(replay.at("/responses/404/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(replay.get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("Idempotency-Key");
        assertThat(replay.at("/responses/202/content/application~1json/examples/replay/value/data/replay_of")
                        .asString())
                .isNotEmpty();
    }

    @Test
    void everyHandlerDeclaresWhoMayCallIt(@Autowired HandlerAuthorization authorization) {
        assertThat(authorization.undeclaredHandlers()).isEmpty();
    }
}
