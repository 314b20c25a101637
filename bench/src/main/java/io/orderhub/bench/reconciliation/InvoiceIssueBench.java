package io.orderhub.bench.reconciliation;

import static io.orderhub.bench.reconciliation.PaymentServiceProcess.median;
import static io.orderhub.bench.reconciliation.PaymentServiceProcess.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.bench.Pgbench;
import io.orderhub.local.Database;
import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Invoices issued per second: payment-service (its jar, {@code -Xmx512m}) issues invoices for orders on account on
 * {@code POST /api/v1/invoices}, each in one transaction that takes the next gap-free number of the year's series
 * (the counter row stays locked until the transaction commits, so issues queue on it), stores the invoice with its
 * buyer, terms and lines, and publishes an {@code InvoiceEvent} through the outbox to one KRaft broker — against
 * PostgreSQL 15 ({@code LocalPostgres}, as bin/orderhub-local runs it). The orders' read-model rows (on account,
 * with the terms and lines their events would carry) are inserted into the database before each run. Closed-loop
 * clients, timed in this JVM; CPU per invoice of each process from {@code /proc} ({@link CpuTimes}).
 *
 * <p>Every run checks what it measured: each answer 201, and the run's numbers gap-free (as many distinct numbers
 * as invoices, consecutive). The reference, in the same run on the same server: pgbench's simple-update
 * transaction ({@link Pgbench#simpleUpdate}).
 *
 * <p>Arguments: {@code [invoicesPerRun=1000] [clients=1,8] [runs=3] [warmupRuns=2] [pgbenchSeconds=30]}.
 */
public final class InvoiceIssueBench {

    private static final String ADMIN_KEY = PaymentServiceProcess.ADMIN_KEY;
    private static final UUID CONTRACT = UUID.fromString("01950000-0000-7000-8000-000000000002");
    private static final String ACCOUNT_JSON = """
            {"contract_id": "01950000-0000-7000-8000-000000000002",
             "buyer": {"company": "Praxis Nord GmbH", "vat_id": "DE123456789", "email": "buchhaltung@praxis-nord.example",
              "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
              "buyer_reference": "04011000-12345-67"},
             "payment_terms": {"net_days": 30, "discount_percent": 2, "discount_days": 10},
             "lines": [{"name": "Untersuchungshandschuhe M, 100 St.", "sku": "HANDSCHUH-M-100", "quantity": 40,
              "unit_price": 8.90, "net": 356.00, "tax_rate": 0.19, "tax": 67.64}],
             "subtotal": 356.00, "tax_total": 67.64, "shipping_total": 0, "discount_total": 0}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InvoiceIssueBench() {}

    public static void main(String[] args) throws Exception {
        int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int[] clientCounts = args.length > 1
                ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 8};
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmupRuns = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int pgbenchSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("invoice-issue-bench");
        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            postgres.ensureDatabase("orderhub", "orderhub", "orderhub");
            Database database = new Database(postgres.jdbcUrl("orderhub"), "orderhub", "orderhub");
            try (Platform service = PaymentServiceProcess.start(root, work, database, broker, Map.of())) {
                URI base = service.url(Service.PAYMENT_SERVICE);
                CpuTimes cpu = PaymentServiceProcess.cpu(service, work.resolve("postgres"));
                System.out.printf("payment-service on %s; %d invoices a run%n", base, perRun);

                int next = 0;
                for (int i = 0; i < warmupRuns; i++) {
                    issue(base, orders(database, next, perRun), clientCounts[clientCounts.length - 1]);
                    next += perRun;
                }
                BenchResults results = new BenchResults("invoice-issue")
                        .line("POST /api/v1/invoices for orders on account (one line with 19 % VAT, 2 % discount in 10"
                                + " days), by closed-loop clients, to payment-service's jar ("
                                + PaymentServiceProcess.JVM + ") with PostgreSQL 15 (LocalPostgres) and one KRaft"
                                + " broker; each issue takes the next gap-free number (the year's counter row, locked"
                                + " until commit), stores the invoice and publishes its InvoiceEvent through the"
                                + " outbox, in one transaction.")
                        .line("Timed in the bench JVM, " + runs + " runs of " + perRun + " invoices per client count"
                                + " after " + warmupRuns + " warm-up runs; CPU per invoice from /proc; each run"
                                + " checked: every answer 201, the numbers gap-free.")
                        .line("Reference: pgbench's simple-update transaction on the same server after the runs;"
                                + " `ratio` = invoices/s ÷ pgbench transactions/s, and PostgreSQL's CPU per invoice in"
                                + " pgbench transactions.");
                Map<Integer, double[]> medians = new LinkedHashMap<>();
                for (int clients : clientCounts) {
                    List<Map<String, Object>> measured = new ArrayList<>();
                    List<Double> perSecond = new ArrayList<>();
                    List<Double> serviceMs = new ArrayList<>();
                    List<Double> postgresMs = new ArrayList<>();
                    Histogram latency = new Histogram(3_600_000_000L, 3);
                    for (int i = 0; i < runs; i++) {
                        List<UUID> orders = orders(database, next, perRun);
                        next += perRun;
                        Map<String, Long> before = cpu.read();
                        long start = System.nanoTime();
                        issue(base, orders, clients, latency);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        Map<String, Long> after = cpu.read();
                        Map<String, Object> perInvoice = cpu.perUnit(before, after, perRun);
                        Map<String, Object> run = new LinkedHashMap<>();
                        run.put("seconds", round(seconds));
                        run.put("invoices_per_second", round(perRun / seconds));
                        run.put("cpu_per_invoice", perInvoice);
                        measured.add(run);
                        perSecond.add(perRun / seconds);
                        serviceMs.add((Double) perInvoice.get("service_ms"));
                        postgresMs.add((Double) perInvoice.get("postgres_ms"));
                    }
                    medians.put(clients, new double[] {median(perSecond), median(postgresMs)});
                    results.figure("clients_" + clients + "_invoices_per_second", round(median(perSecond)))
                            .latency("clients_" + clients + "_latency", latency)
                            .figure("clients_" + clients + "_service_cpu_ms_per_invoice", round(median(serviceMs)))
                            .figure("clients_" + clients + "_postgres_cpu_ms_per_invoice", round(median(postgresMs)))
                            .figure("clients_" + clients + "_runs", measured);
                }
                Map<String, Object> reference =
                        Pgbench.simpleUpdate(postgres, work.resolve("postgres"), pgbenchSeconds);
                results.figure("reference_pgbench", reference);
                double tps = ((Number) reference.get("tps")).doubleValue();
                @SuppressWarnings("unchecked")
                double pgbenchMs = (Double)
                        ((Map<String, Object>) reference.get("postgres_cpu_ms_per_transaction")).get("postgres_ms");
                medians.forEach((clients, median) -> results.figure(
                                "clients_" + clients + "_ratio", round(median[0] / tps))
                        .figure(
                                "clients_" + clients + "_postgres_per_invoice_in_pgbench_transactions",
                                round(median[1] / Math.max(0.001, pgbenchMs))));
                results.write(root);
            }
        }
    }

    /** Read-model rows of {@code count} confirmed orders on account, as their events would have left them. */
    private static List<UUID> orders(Database database, int first, int count) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement insert = connection.prepareStatement("""
                        insert into payments.order_view (id, source, currency, grand_total, status, version, paid_amount,
                            contract_id, account)
                        select ('01950000-0000-7000-a000-' || lpad((? + g)::text, 12, '0'))::uuid, 'b2b', 'EUR',
                            423.64, 'CONFIRMED', 2, 0, ?, ?::jsonb
                        from generate_series(0, ? - 1) g
                        returning id""")) {
            insert.setInt(1, first);
            insert.setObject(2, CONTRACT);
            insert.setString(3, ACCOUNT_JSON);
            insert.setInt(4, count);
            List<UUID> ids = new ArrayList<>(count);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static void issue(URI base, List<UUID> orders, int clients) throws Exception {
        issue(base, orders, clients, new Histogram(3_600_000_000L, 3));
    }

    /** Issues an invoice for every order with that many closed-loop clients; checks 201s and gap-free numbers. */
    private static void issue(URI base, List<UUID> orders, int clients, Histogram latency) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger next = new AtomicInteger();
        List<String> numbers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    List<String> issued = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < orders.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        HttpResponse<String> answer = http.send(
                                HttpRequest.newBuilder(base.resolve("/api/v1/invoices"))
                                        .header("Authorization", "Bearer " + ADMIN_KEY)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"order_id\": \"" + orders.get(i) + "\"}", StandardCharsets.UTF_8))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        synchronized (latency) {
                            latency.recordValue((System.nanoTime() - start) / 1000);
                        }
                        if (answer.statusCode() != 201) {
                            throw new IllegalStateException("Invoice not issued: " + answer.statusCode() + " "
                                    + answer.body()
                                            .substring(
                                                    0,
                                                    Math.min(500, answer.body().length())));
                        }
                        issued.add(JSON.readTree(answer.body())
                                .path("data")
                                .path("number")
                                .asText());
                    }
                    return issued;
                }));
            }
            for (Future<List<String>> worker : workers) {
                numbers.addAll(worker.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sequence = numbers.stream()
                .map(number -> Long.parseLong(number.substring(number.lastIndexOf('-') + 1)))
                .sorted()
                .distinct()
                .toList();
        if (sequence.size() != orders.size()
                || sequence.get(sequence.size() - 1) - sequence.get(0) != orders.size() - 1) {
            throw new IllegalStateException("Invoice numbers of the run are not gap-free: " + sequence.size()
                    + " distinct of " + orders.size() + ", from " + sequence.get(0) + " to "
                    + sequence.get(sequence.size() - 1));
        }
    }
}
