package io.orderhub.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
}
