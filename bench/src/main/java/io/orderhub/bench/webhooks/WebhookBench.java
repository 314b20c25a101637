package io.orderhub.bench.webhooks;

import io.orderhub.bench.BenchResults;
import io.orderhub.bench.TopicOffsets;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * Correctly signed Stripe webhooks ({@code payment_intent.succeeded}, a realistic 2 KiB event, each with a
 * new event id and PaymentIntent) sent by several concurrent clients to the webhook gateway for a fixed
 * time. The gateway runs as its own process from its jar, against a real Kafka broker in a child JVM, as
 * in production; every 200 it answers means the event was acknowledged by Kafka ({@code acks=all}).
 * Clients are closed-loop: each sends its next webhook when the previous one was answered.
 *
 * <p>Measures verified webhooks per second (200 answers per second after a warm-up) and the accept latency
 * (request sent until answer received) in microseconds with HdrHistogram; checks afterwards that the topic
 * holds at least as many events as were acknowledged.
 *
 * <p>Arguments: {@code [seconds=60] [clients=16] [warmupSeconds=15]}. Run with {@code bench/run
 * WebhookBench}; the figures are only as good as the idle cores behind them.
 */
public final class WebhookBench {

    private static final String SECRET = "whsec_orderhub_benchmark";
    private static final String TOPIC = "orderhub.provider-events.v1";
    private static final String PATH = "/api/v1/webhooks/stripe";

    private WebhookBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("webhook-bench");
        List<String> gatewayJvm = List.of("-Xmx512m", "-XX:+UseParallelGC");

        try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0);
                Platform gateway = Platform.builder(root)
                        .only(Service.WEBHOOK_GATEWAY)
                        .httpPort(Platform.freePortBlock())
                        .logDirectory(work.resolve("logs"))
                        .jvmOptions(gatewayJvm)
                        .environment(Map.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                broker.bootstrapServers(),
                                "SCHEMA_REGISTRY_URL",
                                "mock://",
                                "STRIPE_WEBHOOK_SECRET",
                                SECRET,
                                "BTCPAY_WEBHOOK_SECRET",
                                "orderhub-benchmark"))
                        .start()) {
            URI endpoint = gateway.url(Service.WEBHOOK_GATEWAY).resolve(PATH);
            System.out.printf(
                    "Gateway on %s, Kafka on %s; %d s warm-up, %d s measured, %d clients%n",
                    endpoint, broker.bootstrapServers(), warmupSeconds, seconds, clients);

            run(endpoint, clients, Duration.ofSeconds(warmupSeconds));
            long publishedBefore = TopicOffsets.endOffsetSum(broker.bootstrapServers(), TOPIC);
            Run measured = run(endpoint, clients, Duration.ofSeconds(seconds));
            long publishedDuring = TopicOffsets.endOffsetSum(broker.bootstrapServers(), TOPIC) - publishedBefore;

            double perSecond = measured.accepted / (measured.elapsed.toNanos() / 1e9);
            new BenchResults("webhook-gateway")
                    .line("Correctly signed Stripe `payment_intent.succeeded` webhooks (" + measured.bodyBytes
                            + " bytes each) from " + clients + " closed-loop clients for " + seconds
                            + " s after a " + warmupSeconds + " s warm-up, against the gateway jar (" + gatewayJvm
                            + ") and a single KRaft broker on the same machine.")
                    .line("A 200 means the signature was verified and Kafka acknowledged the event (acks=all,"
                            + " idempotent producer); latency is request sent to answer received.")
                    .figure("clients", clients)
                    .figure("measured_seconds", seconds)
                    .figure("warmup_seconds", warmupSeconds)
                    .figure("body_bytes", measured.bodyBytes)
                    .figure("verified_webhooks_per_second", Math.round(perSecond * 10) / 10.0)
                    .figure("accepted", measured.accepted)
                    .figure("not_accepted", measured.failed)
                    .figure("events_on_topic", publishedDuring)
                    .latency("accept_latency", measured.latency)
                    .write(root);
            if (publishedDuring < measured.accepted) {
                throw new IllegalStateException(
                        "Only " + publishedDuring + " events on the topic for " + measured.accepted + " accepted");
            }
        }
    }

    private record Run(long accepted, long failed, Duration elapsed, Histogram latency, int bodyBytes) {}

    private static Run run(URI endpoint, int clients, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Client>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> new Client(endpoint).runWhile(running)));
        }
        // The run's length is the measurement itself, not synchronisation.
        TimeUnit.NANOSECONDS.sleep(length.toNanos());
        running.set(false);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long accepted = 0;
        long failed = 0;
        int bodyBytes = 0;
        for (Future<Client> future : futures) {
            Client client = future.get(2, TimeUnit.MINUTES);
            latency.add(client.latency);
            accepted += client.accepted;
            failed += client.failed;
            bodyBytes = client.bodyBytes;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();
        return new Run(accepted, failed, elapsed, latency, bodyBytes);
    }

    /** One closed-loop sender with its own connection, as one of Stripe's delivery workers. */
    private static final class Client {
        private final URI endpoint;
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final Mac mac;
        private long accepted;
        private long failed;
        private int bodyBytes;

        Client(URI endpoint) throws GeneralSecurityException {
            this.endpoint = endpoint;
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }

        Client runWhile(AtomicBoolean running) throws InterruptedException {
            while (running.get()) {
                String body = event();
                long timestamp = System.currentTimeMillis() / 1000;
                String signature = HexFormat.of()
                        .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                bodyBytes = bytes.length;
                HttpRequest request = HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Stripe-Signature", "t=" + timestamp + ",v1=" + signature)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build();
                long sent = System.nanoTime();
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    latency.recordValue(Math.min(
                            TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent),
                            latency.getHighestTrackableValue()));
                    if (status == 200) {
                        accepted++;
                    } else {
                        failed++;
                    }
                } catch (IOException e) {
                    failed++;
                }
            }
            return this;
        }

        /** A {@code payment_intent.succeeded} event shaped as Stripe sends it (API 2024-06-20). */
        private static String event() {
            String id = UUID.randomUUID().toString().replace("-", "");
            long created = System.currentTimeMillis() / 1000;
            return """
                    {
                      "id": "evt_%1$s",
                      "object": "event",
                      "api_version": "2024-06-20",
                      "created": %2$d,
                      "data": {
                        "object": {
                          "id": "pi_%1$s",
                          "object": "payment_intent",
                          "amount": 4749,
                          "amount_capturable": 0,
                          "amount_details": {"tip": {}},
                          "amount_received": 4749,
                          "application": null,
                          "application_fee_amount": null,
                          "automatic_payment_methods": {"allow_redirects": "always", "enabled": true},
                          "canceled_at": null,
                          "cancellation_reason": null,
                          "capture_method": "automatic_async",
                          "client_secret": "pi_%1$s_secret_%1$s",
                          "confirmation_method": "automatic",
                          "created": %2$d,
                          "currency": "eur",
                          "customer": null,
                          "description": "Order Hub order",
                          "invoice": null,
                          "last_payment_error": null,
                          "latest_charge": "ch_%1$s",
                          "livemode": false,
                          "metadata": {
                            "orderhub_order_id": "0190f3c4-2222-7000-8000-%3$s",
                            "orderhub_payment_id": "0190f3c4-1111-7000-8000-%3$s"
                          },
                          "next_action": null,
                          "on_behalf_of": null,
                          "payment_method": "pm_%1$s",
                          "payment_method_configuration_details": {"id": "pmc_1Orderhub", "parent": null},
                          "payment_method_options": {
                            "card": {"installments": null, "mandate_options": null, "network": null,
                                     "request_three_d_secure": "automatic"},
                            "link": {"persistent_token": null}
                          },
                          "payment_method_types": ["card", "link"],
                          "processing": null,
                          "receipt_email": null,
                          "review": null,
                          "setup_future_usage": null,
                          "shipping": null,
                          "source": null,
                          "statement_descriptor": null,
                          "statement_descriptor_suffix": null,
                          "status": "succeeded",
                          "transfer_data": null,
                          "transfer_group": null
                        }
                      },
                      "livemode": false,
                      "pending_webhooks": 1,
                      "request": {"id": null, "idempotency_key": "0190f3c4-1111-7000-8000-%3$s"},
                      "type": "payment_intent.succeeded"
                    }
                    """.formatted(id, created, id.substring(0, 12));
        }
    }
}
