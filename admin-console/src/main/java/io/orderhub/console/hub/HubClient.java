package io.orderhub.console.hub;

import io.orderhub.console.hub.Views.Aging;
import io.orderhub.console.hub.Views.AgingRow;
import io.orderhub.console.hub.Views.Attempt;
import io.orderhub.console.hub.Views.BankCredit;
import io.orderhub.console.hub.Views.Change;
import io.orderhub.console.hub.Views.Contract;
import io.orderhub.console.hub.Views.CreditNote;
import io.orderhub.console.hub.Views.DeadLetter;
import io.orderhub.console.hub.Views.Delivery;
import io.orderhub.console.hub.Views.Dispute;
import io.orderhub.console.hub.Views.Endpoint;
import io.orderhub.console.hub.Views.EndpointHealth;
import io.orderhub.console.hub.Views.Invoice;
import io.orderhub.console.hub.Views.InvoiceLine;
import io.orderhub.console.hub.Views.Order;
import io.orderhub.console.hub.Views.OrderFigure;
import io.orderhub.console.hub.Views.Page;
import io.orderhub.console.hub.Views.Payment;
import io.orderhub.console.hub.Views.PaymentFigure;
import io.orderhub.console.hub.Views.ProviderEvent;
import io.orderhub.console.hub.Views.Refund;
import io.orderhub.console.hub.Views.Settlement;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' API v1 through the edge, as the admin key the console holds sees it. A 404 is an empty
 * answer; another refusal is a {@link HubRefusal} carrying the problem's detail; an unreachable or failing
 * service is a {@link HubUnavailable}.
 */
@Component
public class HubClient {

    /** Amounts are read as written: decimals stay BigDecimal with their scale, never a double. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** How many invoices one read of the invoice list answers (the API's most). */
    public static final int INVOICE_PAGE = 200;

    private final RestClient http;
    private final List<String> channels;
    private final Map<String, RestClient> services = new LinkedHashMap<>();

    HubClient(RestClient.Builder builder, HubProperties properties) {
        this.http = client(builder, properties.url(), properties.apiKey());
        this.channels = properties.channels();
        properties.serviceUrls().forEach((name, url) -> services.put(name, client(builder, url, properties.apiKey())));
    }

    private static RestClient client(RestClient.Builder builder, URI url, String apiKey) {
        return builder.clone()
                .baseUrl(url.toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .build();
    }

    public Optional<Order> order(UUID id) {
        return one(uri -> uri.path("/api/v1/orders/{id}").build(id)).map(HubClient::order);
    }

    /** The order a channel knows by its own number, looked up in every channel the console knows. */
    public List<Order> ordersBySourceNumber(String sourceOrderId) {
        List<Order> found = new ArrayList<>();
        for (String channel : channels) {
            one(uri -> uri.path("/api/v1/orders/by-source/{source}/{number}").build(channel, sourceOrderId))
                    .map(HubClient::order)
                    .ifPresent(found::add);
        }
        return found;
    }

    /** Newest first; every filter optional. Dates are whole days (UTC), {@code createdTo} inclusive. */
    public Page<Order> orders(OrderFilter filter, @Nullable String cursor) {
        // The email goes in as a URI variable, so its '+' is encoded and not read as a space.
        return page(
                uri -> uri.path("/api/v1/orders")
                        .queryParamIfPresent("source", Optional.ofNullable(filter.channel()))
                        .queryParamIfPresent("status", Optional.ofNullable(filter.status()))
                        .queryParamIfPresent(
                                "customer_email",
                                Optional.ofNullable(filter.customerEmail()).map(email -> "{email}"))
                        .queryParamIfPresent("created_from", Optional.ofNullable(filter.createdFrom()))
                        .queryParamIfPresent("created_to", Optional.ofNullable(filter.createdTo()))
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(Map.of("email", filter.customerEmail() == null ? "" : filter.customerEmail())),
                HubClient::order);
    }

    /** The order list's filters; null means any. */
    public record OrderFilter(
            @Nullable String channel,
            @Nullable String status,
            @Nullable String customerEmail,
            @Nullable LocalDate createdFrom,
            @Nullable LocalDate createdTo) {}

    public List<Change> orderHistory(UUID orderId) {
        return list(uri -> uri.path("/api/v1/orders/{id}/history").build(orderId), HubClient::change);
    }

    public List<Payment> payments(UUID orderId) {
        return list(uri -> uri.path("/api/v1/payments/order/{id}").build(orderId), HubClient::payment);
    }

    public Optional<Payment> payment(UUID id) {
        return one(uri -> uri.path("/api/v1/payments/{id}").build(id)).map(HubClient::payment);
    }

    /** Oldest created first; both filters optional. */
    public Page<Payment> payments(@Nullable String status, @Nullable String provider, @Nullable String cursor) {
        return page(
                uri -> uri.path("/api/v1/payments")
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParamIfPresent("provider", Optional.ofNullable(provider))
                        .queryParam("limit", 200)
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                HubClient::payment);
    }

    /** Open payments unchanged for longer than that, the oldest change first (up to 200), and how many in all. */
    public Stuck stuckPayments(Duration unchangedFor) {
        JsonNode body = get(uri -> uri.path("/api/v1/payments/stuck")
                .queryParam("unchanged_for", unchangedFor.toString())
                .queryParam("limit", 200)
                .build());
        List<Payment> payments = new ArrayList<>();
        body.path("data").forEach(node -> payments.add(payment(node)));
        return new Stuck(payments, body.path("total").asInt());
    }

    /** The first page of the stuck payments, and how many there are in all. */
    public record Stuck(List<Payment> payments, int total) {}

    /**
     * Asks for a refund under the operator's Idempotency-Key: the same confirmation sent twice is one refund.
     * Answers the refund.
     */
    public Refund refund(UUID paymentId, BigDecimal amount, String reason, String idempotencyKey) {
        return refund(post(
                "/api/v1/payments/{id}/refunds",
                idempotencyKey,
                Map.of("amount", amount, "reason", reason),
                paymentId));
    }

    /** Cancels an open payment (at its provider first); answers the payment afterwards. */
    public Payment cancel(UUID paymentId, String idempotencyKey) {
        return payment(post("/api/v1/payments/{id}/cancel", idempotencyKey, null, paymentId));
    }

    /** Asks the payment's provider about it now and moves it as reported; answers the payment afterwards. */
    public Payment check(UUID paymentId) {
        return payment(post("/api/v1/payments/{id}/check", UUID.randomUUID().toString(), null, paymentId));
    }

    /** Newest first; the status filter optional (order-service's contracts). */
    public Page<Contract> contracts(@Nullable String status, @Nullable String cursor) {
        return page(
                uri -> uri.path("/api/v1/contracts")
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                HubClient::contract);
    }

    public Optional<Contract> contract(UUID id) {
        return one(uri -> uri.path("/api/v1/contracts/{id}").build(id)).map(HubClient::contract);
    }

    /** What the contract's invoices leave open today, per currency and age. */
    public Aging aging(UUID contractId) {
        JsonNode data = get(uri -> uri.path("/api/v1/receivables/aging")
                        .queryParam("contract_id", contractId)
                        .build())
                .path("data");
        List<AgingRow> rows = new ArrayList<>();
        data.path("currencies")
                .forEach(row -> rows.add(new AgingRow(
                        row.path("currency").asString(),
                        amount(row, "current"),
                        amount(row, "days_1_30"),
                        amount(row, "days_31_60"),
                        amount(row, "days_61_90"),
                        amount(row, "over_90"),
                        amount(row, "total"))));
        return new Aging(
                LocalDate.parse(data.path("as_of").asString()),
                data.path("open_invoices").asInt(),
                rows);
    }

    /** Newest first, of one order, of one contract, or all (either filter null). */
    public Page<Invoice> invoices(@Nullable UUID orderId, @Nullable UUID contractId, @Nullable String cursor) {
        return page(
                uri -> uri.path("/api/v1/invoices")
                        .queryParamIfPresent("order_id", Optional.ofNullable(orderId))
                        .queryParamIfPresent("contract_id", Optional.ofNullable(contractId))
                        .queryParam("limit", INVOICE_PAGE)
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                HubClient::invoice);
    }

    /** The invoice of that number (RE-2026-000017), if there is one. */
    public Optional<Invoice> invoiceNumbered(String number) {
        return list(
                        uri -> uri.path("/api/v1/invoices")
                                .queryParam("number", number)
                                .build(),
                        HubClient::invoice)
                .stream()
                .findFirst();
    }

    public Optional<Invoice> invoice(UUID id) {
        return one(uri -> uri.path("/api/v1/invoices/{id}").build(id)).map(HubClient::invoice);
    }

    /** Oldest first (an operator works through them in order); the status filter optional. */
    public Page<BankCredit> bankCredits(@Nullable String status, @Nullable String cursor) {
        return page(
                uri -> uri.path("/api/v1/bank-credits")
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                HubClient::bankCredit);
    }

    public Optional<BankCredit> bankCredit(UUID id) {
        return one(uri -> uri.path("/api/v1/bank-credits/{id}").build(id)).map(HubClient::bankCredit);
    }

    /** Pays the invoice with the bank credit, as a match would; answers what became of the invoice. */
    public Settlement assignBankCredit(UUID creditId, UUID invoiceId) {
        JsonNode line = post(
                "/api/v1/bank-credits/{id}/assign",
                UUID.randomUUID().toString(),
                Map.of("invoice_id", invoiceId.toString()),
                creditId);
        return new Settlement(
                text(line, "invoice_number"),
                text(line, "invoice_status"),
                uuid(line, "payment_id"),
                optionalAmount(line, "discount"),
                line.path("overpaid").asBoolean(),
                line.path("already_applied").asBoolean());
    }

    public List<Endpoint> endpoints() {
        return list(uri -> uri.path("/api/v1/callbacks/endpoints").build(), HubClient::endpoint);
    }

    /** Each endpoint's success rate and latency over the attempts callback-dispatcher holds. */
    public List<EndpointHealth> endpointHealth() {
        return list(
                uri -> uri.path("/api/v1/callbacks/endpoints/health").build(),
                node -> new EndpointHealth(
                        node.path("name").asString(),
                        node.path("attempts").asLong(),
                        node.path("delivered").asLong(),
                        node.path("success_rate").decimalValue(),
                        node.path("average_latency_ms").asLong(),
                        node.path("p95_latency_ms").asLong(),
                        Instant.parse(node.path("last_attempt_at").asString())));
    }

    /** Enables a disabled endpoint again; its held deliveries go out in order. Answers the endpoint. */
    public Endpoint enableEndpoint(String name) {
        return endpoint(post(
                "/api/v1/callbacks/endpoints/{name}/enable", UUID.randomUUID().toString(), null, name));
    }

    /** The provider's events that named the payment, as received. */
    public List<ProviderEvent> providerEvents(UUID paymentId) {
        return list(
                uri -> uri.path("/api/v1/payments/{id}/provider-events").build(paymentId), HubClient::providerEvent);
    }

    /** Provider events that named no payment the hub knows, the latest first. */
    public Page<ProviderEvent> unmatchedProviderEvents(@Nullable String cursor) {
        return page(
                uri -> uri.path("/api/v1/provider-events/unmatched")
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                HubClient::providerEvent);
    }

    /** Orders created in [from, to) per channel and currency, and per hour if asked (order-service). */
    public List<OrderFigure> orderFigures(Instant from, Instant to, boolean perHour) {
        return figures(
                uri -> window(uri.path("/api/v1/orders/figures"), from, to, perHour),
                node -> new OrderFigure(
                        instant(node, "hour"),
                        node.path("channel").asString(),
                        node.path("currency").asString(),
                        node.path("orders").asLong(),
                        node.path("amount").decimalValue()));
    }

    /** Payments created in [from, to) per provider, currency and status, and per hour if asked (payment-service). */
    public List<PaymentFigure> paymentFigures(Instant from, Instant to, boolean perHour) {
        return figures(
                uri -> window(uri.path("/api/v1/payments/figures"), from, to, perHour),
                node -> new PaymentFigure(
                        instant(node, "hour"),
                        node.path("provider").asString(),
                        node.path("currency").asString(),
                        node.path("status").asString(),
                        node.path("payments").asLong(),
                        node.path("amount").decimalValue()));
    }

    private static URI window(UriBuilder uri, Instant from, Instant to, boolean perHour) {
        return uri.queryParam("from", from)
                .queryParam("to", to)
                .queryParamIfPresent("per", Optional.ofNullable(perHour ? "hour" : null))
                .build();
    }

    public List<Change> paymentHistory(UUID paymentId) {
        return list(uri -> uri.path("/api/v1/payments/{id}/history").build(paymentId), HubClient::change);
    }

    public Page<Delivery> deliveries(
            @Nullable UUID orderId, @Nullable String status, @Nullable String channel, @Nullable String cursor) {
        return page(
                uri -> uri.path("/api/v1/callbacks/deliveries")
                        .queryParamIfPresent("order_id", Optional.ofNullable(orderId))
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParamIfPresent("channel", Optional.ofNullable(channel))
                        .queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                        .build(),
                HubClient::delivery);
    }

    /** Sends the order's latest state again as a new delivery; answers that delivery. */
    public Delivery replay(UUID deliveryId) {
        return delivery(post(
                "/api/v1/callbacks/deliveries/{id}/replay", UUID.randomUUID().toString(), null, deliveryId));
    }

    /** The services that answer for their consumers' dead letters, in the order configured. */
    public List<String> deadLetterServices() {
        return List.copyOf(services.keySet());
    }

    /** The records the service's consumers dead-lettered, oldest first, at most 200. */
    public List<DeadLetter> deadLetters(String service) {
        RestClient client = service(service);
        return list(
                () -> get(
                        client,
                        uri -> uri.path("/api/v1/admin/dead-letters")
                                .queryParam("limit", 200)
                                .build()),
                HubClient::deadLetter);
    }

    /** Publishes one dead letter again to the partition it came from; answers it. */
    public DeadLetter replayDeadLetter(String service, String topic, int partition, long offset) {
        return deadLetter(post(
                service(service),
                "/api/v1/admin/dead-letters/{topic}/{partition}/{offset}/replay",
                UUID.randomUUID().toString(),
                null,
                topic,
                partition,
                offset));
    }

    /** Publishes every dead letter of the service again; answers those replayed, oldest first. */
    public List<DeadLetter> replayAllDeadLetters(String service) {
        List<DeadLetter> replayed = new ArrayList<>();
        post(
                        service(service),
                        "/api/v1/admin/dead-letters/replay-all",
                        UUID.randomUUID().toString(),
                        null)
                .forEach(node -> replayed.add(deadLetter(node)));
        return replayed;
    }

    private RestClient service(String name) {
        RestClient client = services.get(name);
        if (client == null) {
            throw new HubRefusal(404, "No service " + name + " is configured");
        }
        return client;
    }

    /** An action under an Idempotency-Key, with a JSON body or none; answers the answer's {@code data}. */
    private JsonNode post(String path, String idempotencyKey, @Nullable Object body, Object... variables) {
        return post(http, path, idempotencyKey, body, variables);
    }

    private static JsonNode post(
            RestClient client, String path, String idempotencyKey, @Nullable Object body, Object... variables) {
        RestClient.RequestBodySpec request =
                client.post().uri(path, variables).header("Idempotency-Key", idempotencyKey);
        if (body != null) {
            request.body(body);
        }
        return call(() -> request.retrieve().body(String.class)).path("data");
    }

    private Optional<JsonNode> one(Function<UriBuilder, URI> uri) {
        try {
            return Optional.of(get(uri).path("data"));
        } catch (HubRefusal refusal) {
            if (refusal.status() == 404) {
                return Optional.empty();
            }
            throw refusal;
        }
    }

    private <T> List<T> list(Function<UriBuilder, URI> uri, Function<JsonNode, T> mapping) {
        return list(() -> get(uri), mapping);
    }

    private static <T> List<T> list(Supplier<JsonNode> answer, Function<JsonNode, T> mapping) {
        List<T> items = new ArrayList<>();
        answer.get().path("data").forEach(node -> items.add(mapping.apply(node)));
        return items;
    }

    private <T> List<T> figures(Function<UriBuilder, URI> uri, Function<JsonNode, T> mapping) {
        List<T> items = new ArrayList<>();
        get(uri).path("data").path("figures").forEach(node -> items.add(mapping.apply(node)));
        return items;
    }

    private <T> Page<T> page(Function<UriBuilder, URI> uri, Function<JsonNode, T> mapping) {
        JsonNode body = get(uri);
        List<T> items = new ArrayList<>();
        body.path("data").forEach(node -> items.add(mapping.apply(node)));
        return new Page<>(items, text(body, "next_cursor"));
    }

    private JsonNode get(Function<UriBuilder, URI> uri) {
        return get(http, uri);
    }

    private static JsonNode get(RestClient client, Function<UriBuilder, URI> uri) {
        return call(() -> client.get().uri(uri).retrieve().body(String.class));
    }

    private static JsonNode call(Supplier<@Nullable String> request) {
        try {
            String body = request.get();
            if (body == null) {
                throw new HubUnavailable("The service answered without a body");
            }
            return JSON.readTree(body);
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.is4xxClientError()) {
                JsonNode problem = e.getResponseBodyAs(JsonNode.class);
                String detail = problem == null ? null : text(problem, "detail");
                throw new HubRefusal(status.value(), detail == null ? e.getStatusText() : detail);
            }
            throw new HubUnavailable("The service answered " + status.value());
        } catch (ResourceAccessException e) {
            throw new HubUnavailable("The service could not be reached");
        } catch (JacksonException e) {
            throw new HubUnavailable("The service answered something other than JSON");
        }
    }

    private static Order order(JsonNode node) {
        return new Order(
                UUID.fromString(node.path("id").asString()),
                node.path("source").asString(),
                node.path("source_order_id").asString(),
                node.path("status").asString(),
                node.path("currency").asString(),
                amount(node, "grand_total"),
                amount(node, "paid_amount"),
                amount(node, "refunded_amount"),
                text(node.path("customer"), "email"),
                node.path("version").asLong(),
                instant(node, "created_at"),
                instant(node, "updated_at"));
    }

    private static Change change(JsonNode node) {
        return new Change(
                text(node, "old_status"),
                node.path("new_status").asString(),
                text(node, "reason"),
                text(node, "changed_by"),
                Instant.parse(node.path("changed_at").asString()),
                node.path("version").asLong());
    }

    private static Payment payment(JsonNode node) {
        List<Refund> refunds = new ArrayList<>();
        node.path("refunds").forEach(refund -> refunds.add(refund(refund)));
        return new Payment(
                UUID.fromString(node.path("id").asString()),
                UUID.fromString(node.path("order_id").asString()),
                node.path("provider").asString(),
                node.path("status").asString(),
                amount(node, "amount"),
                node.path("currency").asString(),
                amount(node, "refunded_amount"),
                amount(node, "refundable_amount"),
                text(node, "provider_reference"),
                node.path("recorded").asBoolean(),
                node.path("needs_attention").asBoolean(),
                text(node, "attention_reason"),
                refunds,
                dispute(node.path("dispute")),
                instant(node, "created_at"),
                instant(node, "updated_at"));
    }

    private static @Nullable Dispute dispute(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new Dispute(
                node.path("status").asString(),
                amount(node, "amount"),
                text(node, "provider_reference"),
                text(node, "reason"),
                instant(node, "opened_at"));
    }

    private static Refund refund(JsonNode node) {
        return new Refund(
                UUID.fromString(node.path("id").asString()),
                amount(node, "amount"),
                node.path("status").asString(),
                text(node, "reason"),
                text(node, "provider_reference"),
                instant(node, "created_at"));
    }

    private static ProviderEvent providerEvent(JsonNode node) {
        String paymentId = text(node, "payment_id");
        return new ProviderEvent(
                node.path("provider").asString(),
                node.path("provider_event_id").asString(),
                node.path("type").asString(),
                node.path("provider_reference").asString(),
                paymentId == null ? null : UUID.fromString(paymentId),
                node.path("outcome").asString(),
                text(node, "detail"),
                Instant.parse(node.path("received_at").asString()),
                node.path("duplicates").asInt());
    }

    private static Endpoint endpoint(JsonNode node) {
        return new Endpoint(
                node.path("name").asString(),
                text(node, "url"),
                node.path("status").asString(),
                instant(node, "disabled_at"),
                text(node, "disabled_reason"));
    }

    private static Delivery delivery(JsonNode node) {
        List<Attempt> attempts = new ArrayList<>();
        node.path("attempts")
                .forEach(attempt -> attempts.add(new Attempt(
                        attempt.path("attempt").asInt(),
                        Instant.parse(attempt.path("started_at").asString()),
                        text(attempt, "url"),
                        attempt.path("outcome").asString(),
                        number(attempt, "response_code"),
                        text(attempt, "response_excerpt"),
                        attempt.path("latency_ms").isNumber()
                                ? attempt.path("latency_ms").asLong()
                                : null,
                        text(attempt, "error"))));
        String replayOf = text(node, "replay_of");
        return new Delivery(
                UUID.fromString(node.path("id").asString()),
                UUID.fromString(node.path("order_id").asString()),
                node.path("kind").asString("order"),
                node.path("order_version").asLong(),
                node.path("channel").asString(),
                node.path("type").asString(),
                node.path("status").asString(),
                node.path("attempt_count").asInt(),
                number(node, "last_response_code"),
                text(node, "last_error"),
                replayOf == null ? null : UUID.fromString(replayOf),
                Instant.parse(node.path("created_at").asString()),
                attempts);
    }

    private static DeadLetter deadLetter(JsonNode node) {
        return new DeadLetter(
                node.path("topic").asString(),
                node.path("partition").asInt(),
                node.path("offset").asLong(),
                node.path("original_topic").asString(),
                node.path("original_partition").asInt(),
                node.path("original_offset").asLong(),
                node.path("consumer_group").asString(),
                text(node, "event_id"),
                text(node, "key"),
                text(node, "exception"),
                text(node, "reason"));
    }

    private static Contract contract(JsonNode node) {
        JsonNode customer = node.path("customer");
        JsonNode terms = node.path("payment_terms");
        JsonNode limit = node.path("credit_limit");
        return new Contract(
                UUID.fromString(node.path("id").asString()),
                node.path("channel").asString(),
                node.path("status").asString(),
                node.path("version").asLong(),
                customer.path("company").asString(),
                text(customer, "vat_id"),
                customer.path("email").asString(),
                terms.path("net_days").asInt(),
                optionalAmount(terms, "discount_percent"),
                number(terms, "discount_days"),
                amount(limit, "amount"),
                limit.path("currency").asString(),
                instant(node, "created_at"));
    }

    private static Invoice invoice(JsonNode node) {
        List<InvoiceLine> lines = new ArrayList<>();
        node.path("lines")
                .forEach(line -> lines.add(new InvoiceLine(
                        line.path("name").asString(),
                        text(line, "sku"),
                        amount(line, "quantity"),
                        optionalAmount(line, "unit_price"),
                        amount(line, "net"),
                        optionalAmount(line, "tax_rate"),
                        optionalAmount(line, "tax"))));
        List<CreditNote> notes = new ArrayList<>();
        node.path("credit_notes")
                .forEach(note -> notes.add(new CreditNote(
                        UUID.fromString(note.path("id").asString()),
                        note.path("number").asString(),
                        amount(note, "amount"),
                        note.path("reason").asString(),
                        instant(note, "issued_at"),
                        note.path("issued_by").asString())));
        String discountDate = text(node, "discount_date");
        return new Invoice(
                UUID.fromString(node.path("id").asString()),
                node.path("number").asString(),
                node.path("status").asString(),
                UUID.fromString(node.path("order_id").asString()),
                uuid(node, "contract_id"),
                node.path("currency").asString(),
                amount(node, "net_total"),
                amount(node, "tax_total"),
                amount(node, "total"),
                amount(node, "paid_amount"),
                amount(node, "credited_amount"),
                amount(node, "outstanding"),
                instant(node, "issued_at"),
                LocalDate.parse(node.path("due_date").asString()),
                discountDate == null ? null : LocalDate.parse(discountDate),
                optionalAmount(node, "discount_amount"),
                text(node.path("buyer"), "company"),
                lines,
                notes);
    }

    private static BankCredit bankCredit(JsonNode node) {
        return new BankCredit(
                UUID.fromString(node.path("id").asString()),
                node.path("status").asString(),
                node.path("entry_reference").asString(),
                amount(node, "amount"),
                node.path("currency").asString(),
                LocalDate.parse(node.path("booking_date").asString()),
                text(node, "payer_name"),
                text(node, "payer_iban"),
                text(node, "remittance"),
                text(node, "message_id"),
                uuid(node, "invoice_id"),
                text(node, "resolved_by"));
    }

    private static @Nullable UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }

    /** An amount as the API wrote it, 10.00 staying 10.00. */
    private static String amount(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
    }

    private static @Nullable String optionalAmount(JsonNode node, String field) {
        return node.path(field).isNumber() ? amount(node, field) : null;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static @Nullable Integer number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }

    private static @Nullable Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
