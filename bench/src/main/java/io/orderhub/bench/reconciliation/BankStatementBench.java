package io.orderhub.bench.reconciliation;

import static io.orderhub.bench.reconciliation.PaymentServiceProcess.median;
import static io.orderhub.bench.reconciliation.PaymentServiceProcess.round;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bank statement lines matched per second: payment-service (its jar, {@code -Xmx512m}) reads camt.053 statements
 * of booked credits, each naming one open invoice by its number, and for each stores the bank credit, finds the
 * invoice, records and publishes a {@code bank_transfer} payment (outbox to one KRaft broker), in one transaction
 * per line, against PostgreSQL 15 ({@code LocalPostgres}, as bin/orderhub-local runs it). The invoices and their
 * orders are inserted into the database before each run, as issued ones would be. Timed in this JVM around each
 * {@code POST /api/v1/bank-statements} (synchronous: the answer comes when every line is applied); CPU per line of
 * each process from {@code /proc} ({@link CpuTimes}).
 *
 * <p>The reference, in the same run on the same server: pgbench's simple-update transaction
 * ({@link Pgbench#simpleUpdate}), so PostgreSQL's CPU per line reads as pgbench transactions.
 *
 * <p>Arguments: {@code [linesPerStatement=500] [statements=4] [runs=3] [warmupRuns=2] [pgbenchSeconds=30]}. A
 * statement of 500 lines is about 0.3 MB, under the API's 1 MiB body limit.
 */
public final class BankStatementBench {

    private static final String ADMIN_KEY = PaymentServiceProcess.ADMIN_KEY;
    private static final UUID CONTRACT = UUID.fromString("01950000-0000-7000-8000-000000000001");
    private static final String ACCOUNT_JSON = """
            {"buyer": {"company": "Praxis Nord GmbH", "vat_id": "DE123456789", "email": "buchhaltung@praxis-nord.example",
             "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
             "buyer_reference": null},
             "payment_terms": {"net_days": 30, "discount_percent": null, "discount_days": null}, "lines": []}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BankStatementBench() {}

    public static void main(String[] args) throws Exception {
        int perStatement = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int statements = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmupRuns = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int pgbenchSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int lines = perStatement * statements;
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("bank-statement-bench");
        List<String> serviceJvm = PaymentServiceProcess.JVM;
        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            postgres.ensureDatabase("orderhub", "orderhub", "orderhub");
            Database database = new Database(postgres.jdbcUrl("orderhub"), "orderhub", "orderhub");
            try (Platform service = PaymentServiceProcess.start(root, work, database, broker, Map.of())) {
                URI base = service.url(Service.PAYMENT_SERVICE);
                CpuTimes cpu = PaymentServiceProcess.cpu(service, work.resolve("postgres"));
                System.out.printf(
                        "payment-service on %s; %d statements of %d lines a run%n", base, statements, perStatement);

                int next = 0;
                for (int i = 0; i < warmupRuns; i++) {
                    run(base, database, next, perStatement, statements);
                    next += lines;
                }
                List<Map<String, Object>> measured = new ArrayList<>();
                List<Double> perSecond = new ArrayList<>();
                List<Double> serviceMs = new ArrayList<>();
                List<Double> postgresMs = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    List<String> bodies = prepare(database, next, perStatement, statements);
                    Map<String, Long> before = cpu.read();
                    double seconds = post(base, bodies, perStatement);
                    Map<String, Long> after = cpu.read();
                    next += lines;
                    Map<String, Object> perLine = cpu.perUnit(before, after, lines);
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("seconds", round(seconds));
                    run.put("lines_per_second", round(lines / seconds));
                    run.put("cpu_per_line", perLine);
                    measured.add(run);
                    perSecond.add(lines / seconds);
                    serviceMs.add((Double) perLine.get("service_ms"));
                    postgresMs.add((Double) perLine.get("postgres_ms"));
                }
                Map<String, Object> reference =
                        Pgbench.simpleUpdate(postgres, work.resolve("postgres"), pgbenchSeconds);
                @SuppressWarnings("unchecked")
                double pgbenchMs = (Double)
                        ((Map<String, Object>) reference.get("postgres_cpu_ms_per_transaction")).get("postgres_ms");
                new BenchResults("bank-statements")
                        .line("camt.053 statements of " + perStatement + " booked credits, " + statements
                                + " a run, each credit naming one open invoice by its number, POSTed to"
                                + " payment-service's jar (" + serviceJvm + ") with PostgreSQL 15 (LocalPostgres) and"
                                + " one KRaft broker; every line stores its bank credit and records and publishes a"
                                + " bank_transfer payment in its own transaction.")
                        .line("Timed in the bench JVM around the synchronous POSTs, " + runs + " runs after "
                                + warmupRuns + " warm-up runs; CPU per line from /proc.")
                        .line("Reference: pgbench's simple-update transaction on the same server after the runs.")
                        .figure("lines_per_run", lines)
                        .figure("lines_matched_per_second", round(median(perSecond)))
                        .figure("service_cpu_ms_per_line", round(median(serviceMs)))
                        .figure("postgres_cpu_ms_per_line", round(median(postgresMs)))
                        .figure("reference_pgbench", reference)
                        .figure(
                                "postgres_per_line_in_pgbench_transactions",
                                round(median(postgresMs) / Math.max(0.001, pgbenchMs)))
                        .figure("runs", measured)
                        .write(root);
            }
        }
    }

    private static void run(URI base, Database database, int first, int perStatement, int statements) throws Exception {
        post(base, prepare(database, first, perStatement, statements), perStatement);
    }

    /**
     * Orders on account and their invoices {@code first} … {@code first + perStatement × statements − 1}, inserted
     * as issued ones would be; answers the statements that pay them.
     */
    private static List<String> prepare(Database database, int first, int perStatement, int statements)
            throws Exception {
        int count = perStatement * statements;
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                PreparedStatement orders = connection.prepareStatement("""
                        insert into payments.order_view (id, source, currency, grand_total, status, version, paid_amount,
                            contract_id)
                        select ('01950000-0000-7000-9000-' || lpad((? + g)::text, 12, '0'))::uuid, 'b2b', 'EUR',
                            423.64, 'CONFIRMED', 2, 0, ?
                        from generate_series(0, ? - 1) g""");
                PreparedStatement invoices = connection.prepareStatement("""
                        insert into payments.invoice (id, number, order_id, contract_id, source, currency, net_total,
                            tax_total, shipping_total, discount_total, total, issued_at, due_date, account, issued_by)
                        select gen_random_uuid(), 'RE-2099-' || lpad((? + g)::text, 6, '0'),
                            ('01950000-0000-7000-9000-' || lpad((? + g)::text, 12, '0'))::uuid, ?, 'b2b', 'EUR',
                            356.00, 67.64, 0, 0, 423.64, now(), current_date + 30, ?::jsonb, 'bench'
                        from generate_series(0, ? - 1) g""")) {
            connection.setAutoCommit(false);
            orders.setInt(1, first);
            orders.setObject(2, CONTRACT);
            orders.setInt(3, count);
            orders.executeUpdate();
            invoices.setInt(1, first);
            invoices.setInt(2, first);
            invoices.setObject(3, CONTRACT);
            invoices.setString(4, ACCOUNT_JSON);
            invoices.setInt(5, count);
            invoices.executeUpdate();
            connection.commit();
        }
        List<String> bodies = new ArrayList<>();
        for (int s = 0; s < statements; s++) {
            bodies.add(statement(first + s * perStatement, perStatement));
        }
        return bodies;
    }

    /** A camt.053.001.08 with one booked credit per invoice, each naming its number and the bank's reference. */
    private static String statement(int first, int lines) {
        String day = LocalDate.now().toString();
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
                <GrpHdr><MsgId>BENCH-%d</MsgId><CreDtTm>%sT18:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt><Id>BENCH-%d-1</Id><CreDtTm>%sT18:00:00+01:00</CreDtTm>
                <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """.formatted(first, day, first, day));
        for (int i = first; i < first + lines; i++) {
            xml.append("""
                    <Ntry><Amt Ccy="EUR">423.64</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                    <BookgDt><Dt>%s</Dt></BookgDt><ValDt><Dt>%s</Dt></ValDt><AcctSvcrRef>BENCH%010d</AcctSvcrRef>\
                    <NtryDtls><TxDtls><Amt Ccy="EUR">423.64</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties>\
                    <Dbtr><Pty><Nm>Praxis Nord GmbH</Nm></Pty></Dbtr>\
                    <DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct></RltdPties>\
                    <RmtInf><Ustrd>Rechnung RE-2099-%06d</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                    """.formatted(day, day, i, i));
        }
        return xml.append("</Stmt></BkToCstmrStmt></Document>\n").toString();
    }

    /** POSTs the statements one after the other; answers the seconds they took, having checked every line matched. */
    private static double post(URI base, List<String> bodies, int perStatement) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        for (String body : bodies) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/bank-statements"))
                            .header("Authorization", "Bearer " + ADMIN_KEY)
                            .header("Content-Type", "application/xml")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode data = JSON.readTree(answer.body()).path("data");
            if (answer.statusCode() != 200 || data.path("matched").asInt() != perStatement) {
                throw new IllegalStateException("Statement not matched: " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(500, answer.body().length())));
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
