package io.orderhub.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.WooCommercePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.function.Supplier;

/**
 * A shop, its till and Stripe driving the platform through the edge, open loop: a new flow starts on schedule
 * whether or not earlier ones have finished, so a slow or failing platform meets the same demand.
 *
 * <p>Two flows in three are the WooCommerce plugin's: an order from the plugin's payload, a Stripe payment
 * and Stripe's signed {@code payment_intent.succeeded} webhook — every 4th sent twice, every 5th followed by
 * an older {@code processing} event. Every 3rd is the POS's: an order and a recorded (manual) payment.
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
        POS_MANUAL
    }

    /** A flow the platform answered 2xx at every step. */
    public record Flow(int number, Kind kind, String sourceOrderId, String orderId, String paymentId) {}

    /** One answer a channel or provider got, and in which phase of the run it sent the request. */
    public record Answer(String phase, String step, int status, boolean retriable, boolean retryAfter) {

        public boolean successful() {
            return status / 100 == 2;
        }
    }

    private final ApiClient shop;
    private final ApiClient till;
    private final ApiClient stripe;
    private final String stripeWebhookSecret;
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

    private MixedLoad(ApiClient shop, ApiClient till, ApiClient stripe, String stripeWebhookSecret, String prefix) {
        this.shop = shop;
        this.till = till;
        this.stripe = stripe;
        this.stripeWebhookSecret = stripeWebhookSecret;
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
                FullPlatform.STRIPE_WEBHOOK_SECRET,
                prefix);
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
        Kind kind = number % 3 == 0 ? Kind.POS_MANUAL : Kind.WOOCOMMERCE_STRIPE;
        String sourceOrderId =
                prefix + number + "-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Flow> flow = (kind == Kind.POS_MANUAL
                        ? posFlow(number, sourceOrderId)
                        : shopFlow(number, sourceOrderId))
                .whenComplete((result, failure) -> {
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
        CompletableFuture<HttpResponse<String>> sent = webhook(succeeded);
        if (number % 4 == 0) {
            sent = sent.thenCompose(first -> webhook(succeeded));
        }
        if (number % 5 == 0) {
            String older = StripeEvents.event(
                    StripeEvents.eventId(),
                    "payment_intent.processing",
                    StripeEvents.paymentIntent(intent, "processing", orderId, paymentId),
                    now - 5);
            sent = sent.thenCompose(first -> webhook(older));
        }
        return sent.thenApply(last -> new Flow(number, Kind.WOOCOMMERCE_STRIPE, sourceOrderId, orderId, paymentId));
    }

    private CompletableFuture<HttpResponse<String>> webhook(String event) {
        return call(
                "webhook",
                () -> stripe.send(
                        "POST",
                        "/api/v1/webhooks/stripe",
                        event.getBytes(StandardCharsets.UTF_8),
                        StripeEvents.headers(stripeWebhookSecret, event)));
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
