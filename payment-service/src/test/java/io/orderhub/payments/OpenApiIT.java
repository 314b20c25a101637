package io.orderhub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.apikey.HandlerAuthorization;
import io.orderhub.testsupport.ApiDescriptions;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v3/api-docs}: the contract's payment operations, their guard rails and examples a channel can send. */
class OpenApiIT extends PaymentsTestBase {

    JsonNode api;

    @BeforeEach
    void readDescription() {
        HttpResponse<String> docs = woo().withKey(null).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        api = body(docs);
    }

    @Test
    void describesEveryPaymentOperationOfTheContract() {
        Map<String, Set<String>> operations = Map.ofEntries(
                Map.entry("/api/v1/payments", Set.of("get", "post")),
                Map.entry("/api/v1/payments/{id}", Set.of("get")),
                Map.entry("/api/v1/payments/order/{order_id}", Set.of("get")),
                Map.entry("/api/v1/payments/{id}/history", Set.of("get")),
                Map.entry("/api/v1/payments/figures", Set.of("get")),
                Map.entry("/api/v1/payments/{id}/refunds", Set.of("post")),
                Map.entry("/api/v1/payments/{id}/cancel", Set.of("post")),
                Map.entry("/api/v1/terminal/connection-token", Set.of("post")),
                Map.entry("/api/v1/terminal/payment-intent", Set.of("post")),
                Map.entry("/api/v1/terminal/payment/{paymentId}/status", Set.of("get")),
                Map.entry("/api/v1/reconciliation/runs", Set.of("get", "post")),
                Map.entry("/api/v1/reconciliation/runs/{id}", Set.of("get")),
                Map.entry("/api/v1/reconciliation/runs/{id}/report.csv", Set.of("get")),
                Map.entry("/api/v1/invoices", Set.of("get", "post")),
                Map.entry("/api/v1/invoices/{id}", Set.of("get")),
                Map.entry("/api/v1/invoices/{id}/credit-notes", Set.of("post")),
                Map.entry("/api/v1/invoices/{id}/document", Set.of("get")),
                Map.entry("/api/v1/invoices/{id}/xrechnung", Set.of("get")),
                Map.entry("/api/v1/invoices/dunning-runs", Set.of("post")),
                Map.entry("/api/v1/receivables/aging", Set.of("get")),
                Map.entry("/api/v1/bank-statements", Set.of("post")),
                Map.entry("/api/v1/bank-credits", Set.of("get")),
                Map.entry("/api/v1/bank-credits/{id}", Set.of("get")),
                Map.entry("/api/v1/bank-credits/{id}/assign", Set.of("post")),
                Map.entry("/api/v1/settlements", Set.of("get")),
                Map.entry("/api/v1/settlements.csv", Set.of("get")));
        ApiDescriptions.assertOperations(api, "payment-service", operations);
    }

    @Test
    void requiresTheBearerKeyAndDescribesProblems() {
        ApiDescriptions.assertBearerKeyAndProblems(api);
        JsonNode create = api.at("/paths/~1api~1v1~1payments/post");
        assertThat(create.get("responses").propertyNames())
                .contains("201", "400", "401", "404", "409", "422", "429", "502", "504");
        assertThat(create.at("/responses/502/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(create.get("parameters")
                        .valueStream()
                        .filter(p -> p.get("name").asString().equals("Idempotency-Key")))
                .as("documented once, though the handler reads it too")
                .singleElement();
    }

    @Test
    void documentsAStripePaymentAndARecordedOne() {
        JsonNode examples = api.at("/paths/~1api~1v1~1payments/post/requestBody/content/application~1json/examples");

        assertThat(examples.at("/stripe/value/provider").asString()).isEqualTo("stripe");
        assertThat(examples.at("/recorded/value/status").asString()).isEqualTo("succeeded");
        assertThat(examples.at("/recorded/value").propertyNames()).contains("order_id", "source_payment_id");
        JsonNode answers = api.at("/paths/~1api~1v1~1payments/post/responses/201/content/application~1json/examples");
        assertThat(answers.at("/stripe/value/data/next_action/type").asString()).isEqualTo("stripe_client_secret");
        JsonNode refund = api.at("/paths/~1api~1v1~1payments~1{id}~1refunds/post");
        assertThat(refund.at("/requestBody/content/application~1json/examples/partial/value")
                        .propertyNames())
                .containsExactlyInAnyOrder("amount", "reason");
    }

    @Test
    void documentsAnInvoiceWithItsTermsAndLines() {
        JsonNode issue = api.at("/paths/~1api~1v1~1invoices/post");
        JsonNode example = issue.at("/responses/201/content/application~1json/example/data");
        assertThat(example.get("number").asString()).matches("RE-\\d{4}-\\d{6}");
        assertThat(example.propertyNames())
                .contains(
                        "total",
                        "currency",
                        "due_date",
                        "discount_date",
                        "discount_amount",
                        "status",
                        "buyer",
                        "lines");
        assertThat(issue.get("responses").propertyNames()).contains("409");
    }

    @Test
    void answersTheDocumentedRecordedPaymentWithTheDocumentedFields() {
        ObjectNode payment = (ObjectNode)
                api.at("/paths/~1api~1v1~1payments/post/requestBody/content/application~1json/examples/recorded/value")
                        .deepCopy();
        UUID orderId = order("47.49");
        payment.put("order_id", orderId.toString());
        payment.put("source_payment_id", "wc_" + UUID.randomUUID());
        JsonNode documented = api.at(
                "/paths/~1api~1v1~1payments/post/responses/201/content/application~1json/examples/recorded/value/data");

        HttpResponse<String> created = woo().post("/api/v1/payments", payment.toString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(documented.propertyNames())
                .as("the documented answer has the fields of the real one")
                .containsExactlyInAnyOrderElementsOf(data(created).propertyNames());
        assertThat(data(created).get("recorded").asBoolean()).isTrue();
    }

    @Test
    void everyHandlerDeclaresWhoMayCallIt(@Autowired HandlerAuthorization authorization) {
        assertThat(authorization.undeclaredHandlers()).isEmpty();
    }
}
