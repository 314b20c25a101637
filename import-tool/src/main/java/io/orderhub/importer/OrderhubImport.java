package io.orderhub.importer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bin/orderhub-import}: reads the old hub's database, repairs its known defects and writes through the
 * hub's admin import endpoints (docs/switch-over.md). Exit status 0 when the verification report passes, 1 when
 * it does not (or an order or payment was refused), 2 for a usage error.
 */
public final class OrderhubImport {

    static final String USAGE = """
            usage: bin/orderhub-import --legacy-db-url jdbc:postgresql://HOST:PORT/DB --legacy-db-user U
                     --legacy-db-password P --hub http://localhost:8080 --key ADMIN_KEY [--dry-run] [--report FILE]
                     [--woocommerce-url URL --woocommerce-consumer-key CK --woocommerce-consumer-secret CS]
                     [--parallel N]
              The WooCommerce settings default to WOOCOMMERCE_URL, WOOCOMMERCE_CONSUMER_KEY and
              WOOCOMMERCE_CONSUMER_SECRET (the callbacks' REST mode); without them, orders the old hub stored
              with NaN totals are imported marked for review.""";

    private OrderhubImport() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** The command: its report on {@code out}, progress and errors on {@code err}; the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) throws Exception {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        boolean dryRun = options.containsKey("dry-run");
        List<String> missing = new ArrayList<>();
        for (String required : dryRun
                ? List.of("legacy-db-url", "legacy-db-user", "legacy-db-password")
                : List.of("legacy-db-url", "legacy-db-user", "legacy-db-password", "hub", "key")) {
            if (!options.containsKey(required)) {
                missing.add("--" + required);
            }
        }
        if (!missing.isEmpty()) {
            err.println("missing " + String.join(", ", missing));
            err.println(USAGE);
            return 2;
        }
        String wooUrl = options.getOrDefault("woocommerce-url", env.get("WOOCOMMERCE_URL"));
        String wooKey = options.getOrDefault("woocommerce-consumer-key", env.get("WOOCOMMERCE_CONSUMER_KEY"));
        String wooSecret = options.getOrDefault("woocommerce-consumer-secret", env.get("WOOCOMMERCE_CONSUMER_SECRET"));
        Optional<WooCommerceShop> shop = wooUrl == null || wooKey == null || wooSecret == null
                ? Optional.empty()
                : Optional.of(new WooCommerceShop(wooUrl, wooKey, wooSecret));

        Legacy.Data data;
        try {
            data = LegacyDatabase.read(
                    options.get("legacy-db-url"), options.get("legacy-db-user"), options.get("legacy-db-password"));
        } catch (SQLException e) {
            err.println("Cannot read the old hub's database: " + e.getMessage());
            return 1;
        }
        err.println("Read " + data.orders().size() + " orders from the old hub's database.");
        Plan plan = new Repairs(shop).plan(data);
        Verification verification = new Verification();
        verification.planned(plan);
        if (!dryRun) {
            int parallel = Integer.parseInt(options.getOrDefault("parallel", "4"));
            write(plan, new HubClient(options.get("hub"), options.get("key")), verification, parallel, err);
        }
        String report = report(plan, verification, dryRun, shop.isPresent());
        out.print(report);
        if (options.containsKey("report")) {
            Files.writeString(Path.of(options.get("report")), report, StandardCharsets.UTF_8);
        }
        return dryRun || verification.passed() ? 0 : 1;
    }

    /**
     * Each order, then its payments once the order is stored; orders in parallel. Already imported ones answer
     * as stored, so a run after a crash goes on where it stopped.
     */
    private static void write(Plan plan, HubClient hub, Verification verification, int parallel, PrintStream err)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        Progress progress = new Progress(err, "importing orders", plan.orders.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Plan.PlannedOrder order : plan.orders) {
                futures.add(pool.submit(() -> {
                    importOrder(order, hub, verification);
                    progress.step();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void importOrder(Plan.PlannedOrder order, HubClient hub, Verification verification)
            throws InterruptedException {
        HubClient.Answer answer = hub.put("/api/v1/import/orders/" + order.id(), order.body());
        if (!answer.ok()) {
            verification.failure("order " + order.id() + ": " + answer.problem() + "; its payments were not imported");
            return;
        }
        verification.hubOrder(
                answer.data().path("currency").asText(),
                answer.data().path("status").asText(),
                new BigDecimal(answer.data().path("grand_total").asText()));
        for (Plan.PlannedPayment payment : order.payments()) {
            HubClient.Answer paid = hub.put("/api/v1/import/payments/" + payment.id(), payment.body());
            if (!paid.ok()) {
                verification.failure("payment " + payment.id() + " of order " + order.id() + ": " + paid.problem());
                continue;
            }
            verification.hubPayment(
                    paid.data().path("currency").asText(),
                    paid.data().path("status").asText(),
                    new BigDecimal(paid.data().path("amount").asText()));
        }
    }

    static String report(Plan plan, Verification v, boolean dryRun, boolean shopConfigured) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println("Order Hub import of the old hub's data" + (dryRun ? " - DRY RUN: nothing was written" : ""));
        out.println();
        out.println("Plan: " + plan.orders.size() + " orders, " + plan.payments() + " payments"
                + (shopConfigured ? "; WooCommerce asked for orders with NaN totals" : "; no WooCommerce configured"));
        out.println();
        out.println("Repairs and anomalies (" + plan.anomalies.size() + "):");
        plan.repairs.forEach((kind, count) -> out.println("  " + kind + ": " + count));
        out.println();
        for (Plan.Anomaly anomaly : plan.anomalies) {
            out.println("  - " + anomaly.kind() + (anomaly.legacyId() == null ? "" : " " + anomaly.legacyId()) + ": "
                    + anomaly.detail());
        }
        out.println();
        out.println("Verification (count / sum of grand totals; payments: count / sum of amounts):");
        table(out, "orders", v.legacyOrders, v.plannedOrders, dryRun ? null : v.hubOrders);
        table(out, "payments", v.legacyPayments, v.plannedPayments, dryRun ? null : v.hubPayments);
        out.println("  Explained differences between the old hub and the import:");
        v.statusMoves.forEach((move, count) -> out.println("    " + move + ": " + count));
        v.totalDifferences.forEach((what, difference) -> out.println("    " + what + ": " + signed(difference)));
        if (v.statusMoves.isEmpty() && v.totalDifferences.isEmpty()) {
            out.println("    none");
        }
        if (!v.failures.isEmpty()) {
            out.println("  Refused by the hub (" + v.failures.size() + "):");
            v.failures.forEach(f -> out.println("    " + f));
        }
        if (!dryRun) {
            out.println("  Result: " + (v.passed() ? "PASSED - the hub holds exactly the plan" : "FAILED"));
        }
        out.println();
        out.println("API_KEYS entries (join with ',' for API_KEYS, or one per line in API_KEYS_FILE):");
        plan.apiKeys.forEach(key -> out.println("  " + key));
        out.println();
        out.println("For the operator:");
        plan.operatorNotes.forEach(note -> out.println("  " + note));
        out.flush();
        return text.toString();
    }

    private static void table(
            PrintWriter out,
            String what,
            Map<String, Verification.Tally> legacy,
            Map<String, Verification.Tally> planned,
            Map<String, Verification.Tally> hub) {
        Set<String> keys = new TreeSet<>(legacy.keySet());
        keys.addAll(planned.keySet());
        if (hub != null) {
            keys.addAll(hub.keySet());
        }
        out.printf(
                "  %-8s %-28s %-26s %-26s %s%n",
                what, "currency status", "old hub", "imported", hub == null ? "" : "hub");
        for (String key : keys) {
            Verification.Tally p = planned.get(key);
            Verification.Tally h = hub == null ? null : hub.get(key);
            String check = hub == null ? "" : (p == null ? h == null : p.sameAs(h)) ? "equal" : "DIFFERENT";
            out.printf(
                    "  %-8s %-28s %-26s %-26s %s%n",
                    "", key, orNone(legacy.get(key)), orNone(p), hub == null ? "" : orNone(h) + "  " + check);
        }
    }

    private static String orNone(Verification.Tally tally) {
        return tally == null ? "-" : tally.toString();
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "") + amount.toPlainString();
    }

    static Map<String, String> options(String[] args) {
        Set<String> flags = Set.of("dry-run");
        Set<String> valued = Set.of(
                "legacy-db-url",
                "legacy-db-user",
                "legacy-db-password",
                "hub",
                "key",
                "report",
                "woocommerce-url",
                "woocommerce-consumer-key",
                "woocommerce-consumer-secret",
                "parallel");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (options.containsKey("parallel")) {
            try {
                if (Integer.parseInt(options.get("parallel")) < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--parallel must be a whole number of at least 1");
            }
        }
        return options;
    }
}
