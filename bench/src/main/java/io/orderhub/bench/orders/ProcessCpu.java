package io.orderhub.bench.orders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of processes from Linux's {@code /proc}: on a machine shared with other work, the CPU each
 * part spends per order says more than a throughput figure, and shows where the time goes (the service,
 * PostgreSQL, Kafka, the load generator). Elsewhere every reading is 0.
 */
final class ProcessCpu {

    /** Linux's USER_HZ: {@code /proc/<pid>/stat} counts CPU time in hundredths of a second. */
    private static final int TICKS_PER_SECOND = 100;

    private ProcessCpu() {}

    /** User plus system CPU of one process, in milliseconds. */
    static long millis(long pid) {
        String[] fields = stat(pid);
        if (fields == null) {
            return 0;
        }
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    }

    /** Like {@link #millis}, plus what its ended and reaped children spent (PostgreSQL's finished backends). */
    private static long millisWithReapedChildren(long pid) {
        String[] fields = stat(pid);
        if (fields == null) {
            return 0;
        }
        long ticks = Long.parseLong(fields[11])
                + Long.parseLong(fields[12])
                + Long.parseLong(fields[13])
                + Long.parseLong(fields[14]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** The process and all its descendants (PostgreSQL's postmaster and its backends). */
    static long treeMillis(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (long pid : pids()) {
            String[] fields = stat(pid);
            if (fields != null) {
                children.computeIfAbsent(Long.parseLong(fields[1]), p -> new ArrayList<>())
                        .add(pid);
            }
        }
        long total = 0;
        List<Long> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            total += millisWithReapedChildren(pid);
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return total;
    }

    /** The first process whose command line matches, or -1. */
    static long find(Predicate<String> commandLine) {
        for (long pid : pids()) {
            try {
                String cmdline = Files.readString(
                                Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
                if (commandLine.test(cmdline)) {
                    return pid;
                }
            } catch (IOException | RuntimeException e) {
                // gone meanwhile, or not ours to read
            }
        }
        return -1;
    }

    /** PostgreSQL's postmaster: the first line of {@code postmaster.pid} in its data directory. */
    static long postmaster(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static List<Long> pids() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The fields of /proc/<pid>/stat after the command name (which may contain spaces), from field 3 on. */
    private static String[] stat(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // [0] = state (field 3), [1] = ppid (4), [11] = utime (14), [12] = stime (15), [13] = cutime, [14] = cstime
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
