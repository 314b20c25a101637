package io.orderhub.bench;

import io.orderhub.local.postgres.LocalPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own pgbench (the distribution's, version 15 like the server), the reference a benchmark measures
 * beside the platform on the same server in the same run.
 */
public final class Pgbench {

    private static final Path BINARY = Path.of("/usr/lib/postgresql/15/bin/pgbench");

    private Pgbench() {}

    /** Runs pgbench with these arguments and returns its output; fails when it fails or a transaction failed. */
    public static String run(List<String> arguments, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(arguments);
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().putAll(environment);
        Process pgbench = process.start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pgbench.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher failed =
                Pattern.compile("number of failed transactions: ([0-9]+)").matcher(output);
        if (failed.find() && Long.parseLong(failed.group(1)) > 0) {
            throw new IllegalStateException("pgbench transactions failed:\n" + output);
        }
        return output;
    }

    /** The transactions per second of a run's output. */
    public static double tps(String output) {
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench's output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /**
     * The reference most benchmarks measure beside the platform: pgbench's built-in simple-update transaction
     * ({@code -N}: an account update, a select and a history insert), 4 clients, on a database of its own on the
     * same server, with the server's CPU per transaction from {@code /proc}.
     */
    public static Map<String, Object> simpleUpdate(LocalPostgres postgres, Path dataDirectory, int seconds)
            throws Exception {
        try (Connection connection = postgres.superuserDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database pgbench_reference");
        }
        List<String> server = List.of("-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", "postgres");
        List<String> initialise = new ArrayList<>(server);
        initialise.addAll(List.of("-i", "-q", "-s", "2", "pgbench_reference"));
        run(initialise, Map.of());
        CpuTimes cpu = new CpuTimes(
                List.of(new CpuTimes.Part("postgres", CpuTimes.postmaster(dataDirectory), CpuTimes.Scope.TREE)));
        List<String> measure = new ArrayList<>(server);
        measure.addAll(List.of(
                "-n",
                "-N",
                "-M",
                "prepared",
                "-c",
                "4",
                "-j",
                "2",
                "-T",
                Integer.toString(seconds),
                "pgbench_reference"));
        Map<String, Long> before = cpu.read();
        double tps = tps(run(measure, Map.of()));
        Map<String, Long> after = cpu.read();
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put(
                "what",
                "pgbench -N (built-in simple update: an account update, a select and a history insert per transaction),"
                        + " 4 clients, scale 2, " + seconds + " s, after the load stopped");
        reference.put("tps", tps);
        reference.put("postgres_cpu_ms_per_transaction", cpu.perUnit(before, after, tps * seconds));
        return reference;
    }
}
