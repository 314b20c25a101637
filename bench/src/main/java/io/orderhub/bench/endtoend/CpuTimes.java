package io.orderhub.bench.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the run's parts (each service, Kafka, PostgreSQL with its backends, the load generator) and of
 * the whole machine, from Linux's {@code /proc}. Read at the start and the end of the measured window, they say
 * how many cores each part used, and how many went to processes outside the run — the figure that says whether
 * the machine was really free. Elsewhere every reading is 0.
 */
final class CpuTimes {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in hundredths of a second. */
    private static final int TICKS_PER_SECOND = 100;

    private static final String MACHINE = "machine";

    /** One part of the run: a process, with or without its descendants. */
    record Part(String name, long pid, boolean withDescendants) {}

    private final List<Part> parts;

    CpuTimes(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Milliseconds of CPU so far: each part's, and the machine's busy time in all. */
    Map<String, Long> read() {
        Map<Long, String[]> stats = new HashMap<>();
        for (long pid : pids()) {
            String[] fields = stat(pid);
            if (fields != null) {
                stats.put(pid, fields);
            }
        }
        Map<Long, List<Long>> children = new HashMap<>();
        stats.forEach((pid, fields) -> children.computeIfAbsent(Long.parseLong(fields[1]), parent -> new ArrayList<>())
                .add(pid));
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Part part : parts) {
            millis.put(
                    part.name(),
                    part.withDescendants() ? tree(part.pid(), stats, children) : own(stats.get(part.pid())));
        }
        millis.put(MACHINE, machineBusy());
        return millis;
    }

    /** Cores each part used between two readings, and {@code other_processes}: the machine's rest. */
    static Map<String, Object> coresUsed(Map<String, Long> before, Map<String, Long> after, Duration elapsed) {
        Map<String, Object> cores = new LinkedHashMap<>();
        double millis = Math.max(1, elapsed.toMillis());
        long parts = 0;
        for (String name : after.keySet()) {
            if (!name.equals(MACHINE)) {
                long used = after.get(name) - before.getOrDefault(name, 0L);
                parts += used;
                cores.put(name, round2(used / millis));
            }
        }
        long machine = after.get(MACHINE) - before.getOrDefault(MACHINE, 0L);
        cores.put("all_of_the_run", round2(parts / millis));
        cores.put("other_processes", round2(Math.max(0, machine - parts) / millis));
        cores.put("machine", round2(machine / millis));
        return cores;
    }

    /** User plus system time of a process and its descendants, with the children it has reaped. */
    private static long tree(long root, Map<Long, String[]> stats, Map<Long, List<Long>> children) {
        long ticks = 0;
        List<Long> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            String[] fields = stats.get(pid);
            if (fields != null) {
                ticks += Long.parseLong(fields[11])
                        + Long.parseLong(fields[12])
                        + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
            }
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long own(String[] fields) {
        return fields == null ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    }

    /** The machine's busy time: {@code /proc/stat}'s user, nice, system, irq, softirq and steal. */
    private static long machineBusy() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] cpu = lines.filter(line -> line.startsWith("cpu "))
                    .findFirst()
                    .orElse("cpu")
                    .trim()
                    .split("\\s+");
            if (cpu.length < 9) {
                return 0;
            }
            long ticks = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(cpu[field]);
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name: state, ppid, ... (utime is [11]). */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Long> pids() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
