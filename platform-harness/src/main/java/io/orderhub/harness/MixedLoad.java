package io.orderhub.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.WooCommercePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A shop, its till, Stripe and BTCPay Server driving the platform through the edge, open loop: a new flow
 * starts on schedule whether or not earlier ones have finished, so a slow or failing platform meets the same
 * demand. A flow is one order; flow {@code n} is, by {@code n}:
 *
 * <ul>
 *   <li>{@code n % 3 == 0} (one in three): the POS's — an order and a recorded (manual) payment;
 *   <li>{@code n % 6 == 1} (one in six): the WooCommerce plugin's paid with BTCPay — an order from the plugin's
 *       payload, a {@code btcpay} payment (an invoice) and BTCPay's signed {@code InvoiceSettled} webhook, every
 *       other one redelivered, the others followed by an older {@code InvoiceProcessing};
 *   <li>the rest (one in two): the plugin's paid with Stripe — an order, a {@code stripe} payment and Stripe's
 *       signed {@code payment_intent.succeeded} webhook, every 4th sent twice, every 5th followed by an older
 *       {@code processing} event.
 * </ul>
 *
 * <p>On top, once the payment succeeded: every 7th flow paid with Stripe or at the till refunds
 * {@value #REFUND} EUR through {@code POST /api/v1/payments/{id}/refunds} with an Idempotency-Key (Stripe's
 * refund stays {@code pending} until its signed {@code refund.updated} event, every other one sent twice; a
 * manual refund is recorded at once); and once the order is paid, every 4th flow from the 3rd on moves its
 * order to {@code processing} through {@code POST /api/v1/orders/{id}/transitions}, as a channel does when it
 * starts fulfilment. A flow waits for a state by reading it through the API every half second.
 *
 * <p>A client retries as the contract tells it to — after no answer, a 502, 503 or 504, or a 409 for an
 * Idempotency-Key still in flight, waiting as Retry-After says (1 s without it) — always with the same
 * Idempotency-Key. Any other answer ends the flow as a failure. Every answer is recorded with the phase
 * (fault) it was sent in.
 */
public final class MixedLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a client keeps retrying one request before it gives up. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    /** Which channel and provider a flow plays. */
    public enum Kind {
        WOOCOMMERCE_STRIPE,
        WOOCOMMERCE_BTCPAY,
        POS_MANUAL
    }

    /** What every 7th flow paid with Stripe or at the till refunds, in EUR. */
    public static final String REFUND = "1.50";

    /** The mix of flows, as {@link MixedLoad} describes it, for a benchmark's results. */
    public static final String MIX = "a third the POS's (order, recorded manual payment); a sixth the WooCommerce"
            + " plugin's paid with BTCPay (order from the plugin's payload, `btcpay` payment, BTCPay's signed"
            + " `InvoiceSettled` webhook, every other one redelivered, the others followed by an older"
            + " `InvoiceProcessing`); the rest the plugin's paid with Stripe (Stripe's signed"
            + " `payment_intent.succeeded` webhook, every 4th sent twice, every 5th followed by an older"
            + " `processing` event). Once paid, every 7th Stripe or POS flow refunds " + REFUND + " EUR with an"
            + " Idempotency-Key (Stripe's refund settled by its signed `refund.updated` event, every other one sent"
            + " twice) and every 4th flow from the 3rd on moves its order to `processing`";

    /**
     * A flow the platform answered 2xx at every step: what it refunded (zero if nothing) under which
     * Idempotency-Key (null if nothing), and the status its order should end in ({@code paid}, or the one it
     * moved the order to).
     */
    public record Flow(
            int number,
            Kind kind,
            String sourceOrderId,
            String orderId,
            String paymentId,
            BigDecimal refunded,
            String refundKey,
            String status) {

        Flow(int number, Kind kind, String sourceOrderId, String orderId, String paymentId) {
            this(number, kind, sourceOrderId, orderId, paymentId, BigDecimal.ZERO, null, "paid");
        }

        public boolean transitioned() {
            return !"paid".equals(status);
        }

        Flow refunded(BigDecimal amount, String key) {
            return new Flow(number, kind, sourceOrderId, orderId, paymentId, amount, key, status);
        }

        Flow movedTo(String newStatus) {
            return new Flow(number, kind, sourceOrderId, orderId, paymentId, refunded, refundKey, newStatus);
        }
    }

    /** One answer a channel or provider got, and in which phase of the run it sent the request. */
    public record Answer(String phase, String step, int status, boolean retriable, boolean retryAfter) {

        public boolean successful() {
            return status / 100 == 2;
        }
    }

    private final ApiClient shop;
    private final ApiClient till;
    private final ApiClient providers;
    private final String prefix;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(64);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final List<CompletableFuture<Flow>> flows = new ArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Flow> done = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile String phase = "steady";

    private MixedLoad(ApiClient shop, ApiClient till, ApiClient providers, String prefix) {
        this.shop = shop;
        this.till = till;
        this.providers = providers;
        this.prefix = prefix;
    }

    /**
     * Starts {@code flowsPerSecond} flows a second on {@code platform}'s edge; their orders' source ids start
     * with {@code prefix}, which the {@link Audit} selects them by.
     */
    public static MixedLoad start(FullPlatform platform, double flowsPerSecond, String prefix) {
        MixedLoad load = new MixedLoad(
                ApiClient.of(platform.platform().origin(), FullPlatform.SHOP_KEY),
                ApiClient.of(platform.platform().origin(), FullPlatform.POS_KEY),
                ApiClient.of(platform.platform().origin(), null),
                prefix);
        StripeEvents.answerPaymentIntents(platform.stripe());
        StripeEvents.answerRefunds(platform.stripe());
        BtcpayEvents.answerInvoices(platform.btcpay());
        long period = Math.round(1_000_000 / flowsPerSecond);
        load.clock.scheduleAtFixedRate(load::startFlow, 0, period, TimeUnit.MICROSECONDS);
        return load;
    }

    /** Names the phase the next requests are sent in (a fault, or the steady state between faults). */
    public void phase(String name) {
        phase = name;
    }

    public int startedFlows() {
        return started.get();
    }

    /** Flows ended, answered 2xx throughout or failed. */
    public int completedFlows() {
        return completed.get();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The flows answered 2xx at every step so far, by order id. */
    public Map<String, Flow> flows() {
        return Map.copyOf(done);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Answers a client following the contract could not have handled: neither 2xx nor retriable. */
    public List<Answer> unexpectedAnswers() {
        return answers().stream()
                .filter(answer -> !answer.retriable() && !answer.successful())
                .toList();
    }

    /** Stops starting flows and waits until every started one has ended. */
    public void stopAndAwaitFlows(Duration timeout) {
        clock.shutdownNow();
        List<CompletableFuture<Flow>> all;
        synchronized (flows) {
            all = List.copyOf(flows);
        }
        await().atMost(timeout).until(() -> all.stream().allMatch(CompletableFuture::isDone));
    }

    @Override
    public void close() {
        clock.shutdownNow();
        clients.shutdownNow();
    }

    private void startFlow() {
        int number = started.incrementAndGet();
        Kind kind =
                number % 3 == 0 ? Kind.POS_MANUAL : number % 6 == 1 ? Kind.WOOCOMMERCE_BTCPAY : Kind.WOOCOMMERCE_STRIPE;
        String sourceOrderId =
                prefix + number + "-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Flow> paid = switch (kind) {
            case POS_MANUAL -> posFlow(number, sourceOrderId);
            case WOOCOMMERCE_BTCPAY -> btcpayFlow(number, sourceOrderId);
            case WOOCOMMERCE_STRIPE -> shopFlow(number, sourceOrderId);
        };
        ApiClient channel = kind == Kind.POS_MANUAL ? till : shop;
        if (number % 7 == 0 && kind != Kind.WOOCOMMERCE_BTCPAY) {
            paid = paid.thenCompose(done -> refund(channel, done));
        }
        if (number % 4 == 3) {
            paid = paid.thenCompose(done -> transition(channel, done, "processing"));
        }
        CompletableFuture<Flow> flow = paid.whenComplete((result, failure) -> {
            if (failure != null) {
                failures.add(sourceOrderId + ": " + failure.getMessage());
            } else {
                done.put(result.orderId(), result);
            }
            completed.incrementAndGet();
        });
        synchronized (flows) {
            flows.add(flow);
        }
    }

    /** The plugin: an order, a Stripe payment and Stripe's webhooks. */
    private CompletableFuture<Flow> shopFlow(int number, String sourceOrderId) {
        return orderAndPayment(shop, "", WooCommercePlugin.orderPayload(sourceOrderId), "stripe", "wc_" + sourceOrderId)
                .thenCompose(placed -> pay(number, sourceOrderId, placed.orderId(), placed.payment()));
    }

    /** The plugin with BTCPay: an order, a BTCPay invoice and BTCPay's webhooks. */
    private CompletableFuture<Flow> btcpayFlow(int number, String sourceOrderId) {
        return orderAndPayment(shop, "", WooCommercePlugin.orderPayload(sourceOrderId), "btcpay", "wc_" + sourceOrderId)
                .thenCompose(placed -> payInvoice(number, sourceOrderId, placed.orderId(), placed.payment()));
    }

    /** The till: an order and the payment taken at the counter, recorded as manual. */
    private CompletableFuture<Flow> posFlow(int number, String sourceOrderId) {
        String order = """
                {"source": "pos", "source_order_id": "%s", "currency": "EUR",
                 "items": [{"name": "Coffee", "quantity": 2, "unit_price": 3.20, "tax_rate": 0.07}]}""".formatted(sourceOrderId);
        return orderAndPayment(till, "pos ", order, "manual", "pos_" + sourceOrderId)
                .thenApply(placed -> new Flow(
                        number,
                        Kind.POS_MANUAL,
                        sourceOrderId,
                        placed.orderId(),
                        placed.payment().path("id").asText()));
    }

    private record Placed(String orderId, JsonNode payment) {}

    /** An order, then a payment of it with the provider; each with an Idempotency-Key derived from {@code key}. */
    private CompletableFuture<Placed> orderAndPayment(
            ApiClient channel, String stepPrefix, String orderPayload, String provider, String key) {
        return call(
                        stepPrefix + "order",
                        () -> channel.post("/api/v1/orders", orderPayload, ApiClient.idempotencyKey(key)))
                .thenCompose(order -> {
                    String orderId = data(order).path("id").asText();
                    String payment = """
                            {"order_id": "%s", "provider": "%s", "currency": "EUR"}""".formatted(orderId, provider);
                    return call(
                                    stepPrefix + "payment",
                                    () -> channel.post(
                                            "/api/v1/payments", payment, ApiClient.idempotencyKey(key + "_pay")))
                            .thenApply(answer -> new Placed(orderId, data(answer)));
                });
    }

    /** Stripe's webhooks: succeeded, every 4th twice, every 5th followed by an older processing event. */
    private CompletableFuture<Flow> pay(int number, String sourceOrderId, String orderId, JsonNode payment) {
        String paymentId = payment.path("id").asText();
        String intent = payment.path("provider_reference").asText();
        long now = System.currentTimeMillis() / 1000;
        String succeeded = StripeEvents.event(
                StripeEvents.eventId(),
                "payment_intent.succeeded",
                StripeEvents.paymentIntent(intent, "succeeded", orderId, paymentId),
                now);
        CompletableFuture<HttpResponse<String>> sent = stripeWebhook(succeeded);
        if (number % 4 == 0) {
            sent = sent.thenCompose(first -> stripeWebhook(succeeded));
        }
        if (number % 5 == 0) {
            String older = StripeEvents.event(
                    StripeEvents.eventId(),
                    "payment_intent.processing",
                    StripeEvents.paymentIntent(intent, "processing", orderId, paymentId),
                    now - 5);
            sent = sent.thenCompose(first -> stripeWebhook(older));
        }
        return sent.thenApply(last -> new Flow(number, Kind.WOOCOMMERCE_STRIPE, sourceOrderId, orderId, paymentId));
    }

    /**
     * BTCPay's webhooks: the invoice settled, every other time redelivered (a delivery id of its own, the same
     * original), the other times followed by an older {@code InvoiceProcessing}.
     */
    private CompletableFuture<Flow> payInvoice(int number, String sourceOrderId, String orderId, JsonNode payment) {
        String paymentId = payment.path("id").asText();
        String invoice = payment.path("provider_reference").asText();
        long now = System.currentTimeMillis() / 1000;
        String delivery = BtcpayEvents.deliveryId();
        CompletableFuture<HttpResponse<String>> sent = btcpayWebhook(
                BtcpayEvents.invoiceEvent(delivery, false, "InvoiceSettled", invoice, orderId, paymentId, now));
        if (number % 12 == 1) {
            sent = sent.thenCompose(first -> btcpayWebhook(
                    BtcpayEvents.invoiceEvent(delivery, true, "InvoiceSettled", invoice, orderId, paymentId, now)));
        } else {
            sent = sent.thenCompose(first -> btcpayWebhook(BtcpayEvents.invoiceEvent(
                    BtcpayEvents.deliveryId(), false, "InvoiceProcessing", invoice, orderId, paymentId, now - 5)));
        }
        return sent.thenApply(last -> new Flow(number, Kind.WOOCOMMERCE_BTCPAY, sourceOrderId, orderId, paymentId));
    }

    /**
     * Once the payment succeeded, a partial refund with an Idempotency-Key of its own; Stripe's refund is pending
     * until Stripe's {@code refund.updated} event, sent twice for every other one.
     */
    private CompletableFuture<Flow> refund(ApiClient channel, Flow flow) {
        String key = "refund_" + flow.sourceOrderId();
        String body = """
                {"amount": %s, "reason": "one item returned"}""".formatted(REFUND);
        return once(
                        channel,
                        "/api/v1/payments/" + flow.paymentId(),
                        "succeeded",
                        "refund",
                        "/api/v1/payments/" + flow.paymentId() + "/refunds",
                        body,
                        key)
                .thenCompose(done -> settleRefund(flow, done.state(), data(done.answer())))
                .thenApply(done -> flow.refunded(new BigDecimal(REFUND), key));
    }

    /** Stripe's {@code refund.updated} event of a refund the hub asked Stripe for; a manual one is settled. */
    private CompletableFuture<?> settleRefund(Flow flow, JsonNode payment, JsonNode refund) {
        if (flow.kind() != Kind.WOOCOMMERCE_STRIPE) {
            return CompletableFuture.completedFuture(refund);
        }
        String event = StripeEvents.event(
                StripeEvents.eventId(),
                "refund.updated",
                StripeEvents.refund(
                        refund.path("provider_reference").asText(),
                        "succeeded",
                        Long.toString(new BigDecimal(REFUND).movePointRight(2).longValueExact()),
                        payment.path("provider_reference").asText(),
                        refund.path("id").asText(),
                        flow.paymentId()));
        CompletableFuture<HttpResponse<String>> sent = stripeWebhook(event);
        return flow.number() % 2 == 0 ? sent.thenCompose(first -> stripeWebhook(event)) : sent;
    }

    /** Once the order is paid, the channel moves it on, as it does when it starts fulfilment. */
    private CompletableFuture<Flow> transition(ApiClient channel, Flow flow, String status) {
        return once(
                        channel,
                        "/api/v1/orders/" + flow.orderId(),
                        "paid",
                        "transition",
                        "/api/v1/orders/" + flow.orderId() + "/transitions",
                        """
                        {"status": "%s", "reason": "picking started"}""".formatted(status),
                        "transition_" + status + "_" + flow.sourceOrderId())
                .thenApply(moved -> flow.movedTo(status));
    }

    /** A resource in the state a request waited for, and the request's answer. */
    private record Done(JsonNode state, HttpResponse<String> answer) {}

    /**
     * Once the resource at {@code resource} is in {@code status}, posts {@code body} to {@code path} with the
     * Idempotency-Key {@code key}, as a channel does that acts on what it was told.
     */
    private CompletableFuture<Done> once(
            ApiClient channel, String resource, String status, String step, String path, String body, String key) {
        return until(
                        step + ": awaiting " + status,
                        () -> channel.get(resource),
                        state -> status.equals(state.path("status").asText()))
                .thenCompose(state -> call(step, () -> channel.post(path, body, ApiClient.idempotencyKey(key)))
                        .thenApply(answer -> new Done(state, answer)));
    }

    /**
     * Reads a resource through the API every half second, each read retried as the contract says, until its
     * {@code data} is what {@code reached} expects; gives up after {@link #GIVE_UP_AFTER}.
     */
    private CompletableFuture<JsonNode> until(
            String step, Supplier<HttpResponse<String>> read, Predicate<JsonNode> reached) {
        return until(step, read, reached, Instant.now().plus(GIVE_UP_AFTER));
    }

    private CompletableFuture<JsonNode> until(
            String step, Supplier<HttpResponse<String>> read, Predicate<JsonNode> reached, Instant deadline) {
        return call(step, read).thenCompose(answer -> {
            JsonNode data = data(answer);
            if (reached.test(data)) {
                return CompletableFuture.completedFuture(data);
            }
            if (Instant.now().isAfter(deadline)) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        step + " still " + data.path("status").asText()));
            }
            return CompletableFuture.supplyAsync(
                            () -> until(step, read, reached, deadline),
                            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS, clients))
                    .thenCompose(next -> next);
        });
    }

    private CompletableFuture<HttpResponse<String>> stripeWebhook(String event) {
        return webhook(
                "webhook",
                "/api/v1/webhooks/stripe",
                event,
                StripeEvents.headers(FullPlatform.STRIPE_WEBHOOK_SECRET, event));
    }

    private CompletableFuture<HttpResponse<String>> btcpayWebhook(String event) {
        return webhook(
                "btcpay webhook",
                "/api/v1/webhooks/btcpay",
                event,
                BtcpayEvents.headers(FullPlatform.BTCPAY_WEBHOOK_SECRET, event));
    }

    /** A provider's event posted to its webhook route, with the headers that sign it. */
    private CompletableFuture<HttpResponse<String>> webhook(
            String step, String path, String event, Map<String, String> headers) {
        return call(step, () -> providers.send("POST", path, event.getBytes(StandardCharsets.UTF_8), headers));
    }

    private CompletableFuture<HttpResponse<String>> call(String step, Supplier<HttpResponse<String>> request) {
        return call(step, request, Instant.now().plus(GIVE_UP_AFTER));
    }

    private CompletableFuture<HttpResponse<String>> call(
            String step, Supplier<HttpResponse<String>> request, Instant deadline) {
        String during = phase;
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return request.get();
                            } catch (UncheckedIOException e) {
                                return null;
                            }
                        },
                        clients)
                .thenCompose(response -> {
                    int status = response == null ? 0 : response.statusCode();
                    boolean retryAfter = response != null
                            && response.headers().firstValue("Retry-After").isPresent();
                    boolean retriable = status / 100 != 2 && retriable(response);
                    answers.add(new Answer(during, step, status, retriable, retryAfter));
                    if (status / 100 == 2) {
                        return CompletableFuture.completedFuture(response);
                    }
                    if (!retriable || Instant.now().isAfter(deadline)) {
                        return CompletableFuture.failedFuture(new IllegalStateException(
                                step + " answered " + (response == null ? "nothing" : status + " " + response.body())));
                    }
                    long wait = response == null
                            ? 1
                            : response.headers().firstValueAsLong("Retry-After").orElse(1);
                    return CompletableFuture.supplyAsync(
                                    () -> call(step, request, deadline),
                                    CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS, clients))
                            .thenCompose(retried -> retried);
                });
    }

    private static boolean retriable(HttpResponse<String> response) {
        if (response == null) {
            return true;
        }
        int status = response.statusCode();
        boolean retryAfter = response.headers().firstValue("Retry-After").isPresent();
        return status == 502
                || status == 503
                || status == 504
                || (status == 409 && retryAfter && response.body().contains("idempotency-key-in-flight"));
    }

    private static JsonNode data(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
