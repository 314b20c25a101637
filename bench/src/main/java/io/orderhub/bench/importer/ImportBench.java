package io.orderhub.bench.importer;

import io.orderhub.bench.BenchResults;
import io.orderhub.bench.CpuTimes;
import io.orderhub.bench.Pgbench;
import io.orderhub.harness.FullPlatform;
import io.orderhub.importer.OrderhubImport;
import io.orderhub.local.kafka.KafkaBroker;
import io.orderhub.local.postgres.LocalPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seconds per 10,000 of the old hub's orders: {@code bin/orderhub-import}'s main class, in this JVM, imports a
 * generated legacy database (the old hub's schema as the import tool's tests build it, from its knex
 * migrations) into the whole platform as {@code bin/orderhub-local} runs it — four services and the edge as
 * processes, one KRaft broker, PostgreSQL 15 ({@code LocalPostgres}) — through the edge, then imports it again
 * (the idempotent re-run an operator makes after a crash). Each order is the old hub's typical paid
 * WooCommerce order: two items, a Stripe payment that succeeded, and its history as the old hub wrote it (every
 * change logged twice, by its trigger and by its service; no creation row). CPU per order of each process comes
 * from {@code /proc} ({@link CpuTimes}); the import tool's own is {@code load_generator}'s.
 *
 * <p>The reference, in the same run on the same server: pgbench's simple-update transaction
 * ({@link Pgbench#simpleUpdate}).
 *
 * <p>Arguments: {@code [orders=10000] [parallel=4]}.
 */
public final class ImportBench {

    private static final String LEGACY_SCHEMA = "import-tool/src/test/resources/legacy/schema.sql";

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int parallel = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path root = BenchResults.root();
        Path work = Files.createTempDirectory("import-bench");
        try (LocalPostgres postgres = LocalPostgres.startPersistent(work.resolve("postgres"), 0);
                KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), 0)) {
            postgres.ensureDatabase("legacy", "legacy", "legacy");
            String legacyUrl = postgres.jdbcUrl("legacy");
            generateLegacyOrders(legacyUrl, Files.readString(root.resolve(LEGACY_SCHEMA)), orders);
            try (FullPlatform running =
                    FullPlatform.startSupervised(work.resolve("logs"), broker.bootstrapServers(), postgres)) {
                CpuTimes cpu = new CpuTimes(CpuTimes.platformParts(
                        List.of(running.platform()), work.resolve("kafka"), work.resolve("postgres")));
                String[] command = {
                    "--legacy-db-url",
                    legacyUrl,
                    "--legacy-db-user",
                    "legacy",
                    "--legacy-db-password",
                    "legacy",
                    "--hub",
                    running.platform().origin().toString(),
                    "--key",
                    FullPlatform.ADMIN_KEY,
                    "--parallel",
                    Integer.toString(parallel)
                };
                System.out.printf(
                        "Platform on %s; importing %d orders%n",
                        running.platform().origin(), orders);
                Map<String, Object> first = timedImport(command, cpu, orders, "first import");
                Map<String, Object> again = timedImport(command, cpu, orders, "the same import again");
                Map<String, Object> reference = Pgbench.simpleUpdate(postgres, work.resolve("postgres"), 30);
                double seconds = (Double) first.get("seconds");
                new BenchResults("import")
                        .line(
                                "bin/orderhub-import's main class in the bench JVM (" + parallel
                                        + " orders in parallel)"
                                        + " imports " + orders
                                        + " generated orders of the old hub (each: two items, a Stripe"
                                        + " payment that succeeded, its history written twice as the old hub did) through the"
                                        + " edge into the platform as bin/orderhub-local runs it (four services and the edge as"
                                        + " processes, -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC; one KRaft broker;"
                                        + " PostgreSQL 15 LocalPostgres with fsync on, the legacy database on the same server).")
                        .line("Then the same import again: everything answers as already imported, nothing doubles."
                                + " CPU per order per process from /proc (load_generator is the import tool).")
                        .line("Reference: pgbench -N on the same server after the imports.")
                        .figure("orders", orders)
                        .figure("parallel", parallel)
                        .figure("seconds_per_10000_orders", Math.round(seconds * 10_000 / orders * 10) / 10.0)
                        .figure("first_import", first)
                        .figure("second_import", again)
                        .figure("reference_pgbench", reference)
                        .write(root);
            }
        }
    }

    /** One run of the tool: its wall time, CPU per order of each process, and its verdict (it must pass). */
    private static Map<String, Object> timedImport(String[] command, CpuTimes cpu, int orders, String what)
            throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Map<String, Long> before = cpu.read();
        long start = System.nanoTime();
        int exit = OrderhubImport.run(
                command, new PrintStream(report, true, StandardCharsets.UTF_8), System.err, Map.of());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> after = cpu.read();
        String text = report.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(what + " did not pass (exit " + exit + "):\n" + text);
        }
        System.out.printf("%s: %d orders in %.1f s%n", what, orders, elapsed.toMillis() / 1000.0);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", elapsed.toMillis() / 1000.0);
        figures.put("orders_per_second", Math.round(orders / (elapsed.toMillis() / 1000.0) * 10) / 10.0);
        figures.put("cpu_ms_per_order", cpu.perUnit(before, after, orders));
        figures.put("cores_used", cpu.coresUsed(before, after, elapsed));
        return figures;
    }

    /**
     * The old hub's schema and {@code orders} paid orders written as it wrote them: inserted pending without a
     * creation row, then moved by an UPDATE its trigger logs and by its service's own history row.
     */
    private static void generateLegacyOrders(String url, String schema, int orders) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "legacy", "legacy");
                Statement sql = connection.createStatement()) {
            sql.execute(schema);
            sql.execute("""
                    insert into customers (id, email, name, created_at, updated_at)
                    select ('c1000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'customer' || i || '@example.com',
                        'Customer ' || i, timestamptz '2025-01-01 00:00:00+00', timestamptz '2025-01-01 00:00:00+00'
                    from generate_series(1, greatest(1, %1$d / 10)) i;

                    insert into orders (id, customer_id, source, source_order_id, status, currency, subtotal, tax_total,
                        shipping_total, discount_total, grand_total, totals, metadata, created_at, updated_at)
                    select ('0a100000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid,
                        ('c1000000-0000-4000-8000-' || lpad((i %% greatest(1, %1$d / 10) + 1)::text, 12, '0'))::uuid,
                        'woocommerce', (100000 + i)::text, 'pending', 'EUR', 228.00, 43.32, 4.90, 0, 276.22,
                        '{"subtotal": 228, "tax_total": 43.32, "shipping_total": 4.9, "discount_total": 0,
                          "grand_total": 276.22}',
                        jsonb_build_object('billing_email', 'customer' || (i %% greatest(1, %1$d / 10) + 1) || '@example.com'),
                        timestamptz '2025-02-01 00:00:00+00' + i * interval '1 minute',
                        timestamptz '2025-02-01 00:00:00+00' + i * interval '1 minute'
                    from generate_series(1, %1$d) i;

                    insert into order_items (order_id, name, sku, quantity, unit_price, total_price, tax_rate, tax_amount)
                    select o.id, item.name, item.sku, 1, item.price, item.price, 0.1900, item.tax
                    from orders o
                    cross join (values ('Premium WordPress Theme', 'THEME-001', 79.00, 15.01),
                                       ('Support Package (1 Year)', 'SUPPORT-YEAR', 149.00, 28.31))
                        as item (name, sku, price, tax);

                    insert into payments (id, order_id, provider, provider_reference, payment_method, status, amount,
                        currency, created_at, updated_at)
                    select ('0b100000' || substr(o.id::text, 9))::uuid, o.id, 'stripe',
                        'pi_bench' || o.source_order_id, 'card', 'pending', o.grand_total, 'EUR',
                        o.created_at + interval '10 seconds', o.created_at + interval '10 seconds'
                    from orders o;

                    update payments set status = 'succeeded', completed_at = created_at + interval '20 seconds';
                    insert into payment_status_history (payment_id, old_status, new_status, changed_by, change_reason,
                        provider, provider_reference, changed_at)
                    select id, 'pending', 'succeeded', 'webhook:stripe', 'payment_intent.succeeded', provider,
                        provider_reference, completed_at
                    from payments;

                    update orders set status = 'paid';
                    insert into order_status_history (order_id, old_status, new_status, changed_by, change_reason,
                        changed_at)
                    select id, 'pending', 'paid', 'webhook:stripe', 'Payment succeeded', created_at + interval '20 seconds'
                    from orders;
                    """.formatted(orders));
        }
    }
}
