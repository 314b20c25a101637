package io.orderhub.bench;

import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.local.process.JavaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of a run's parts (a service, its JIT compiler threads, Kafka, PostgreSQL with its backends, the load
 * generator) and of the whole machine, from Linux's {@code /proc}. Read at the start and the end of a measured
 * window, they say how many cores each part used (or how much CPU per order), and how many went to processes
 * outside the run — the figure that says whether the machine was really free. Elsewhere every reading is 0.
 */
public final class CpuTimes {

    /** Linux's USER_HZ: {@code /proc} counts CPU time in hundredths of a second. */
    private static final int TICKS_PER_SECOND = 100;

    private static final String MACHINE = "machine";

    /** What of a process a part counts. */
    public enum Scope {
        /** The process alone. */
        PROCESS,
        /** The process, its descendants and the children they reaped (PostgreSQL's ended backends). */
        TREE,
        /**
         * A JVM's JIT compiler threads (HotSpot's {@code C1/C2 CompilerThread}s): CPU they spend in a measured
         * window means the code measured was still being compiled, so the warm-up was too short. HotSpot starts
         * and ends compiler threads as needed, and one that ended takes its time with it: then the figure
         * undercounts (never below 0).
         */
        JIT_THREADS
    }

    /** One part of the run. */
    public record Part(String name, long pid, Scope scope) {}

    private final List<Part> parts;

    public CpuTimes(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** What is measured. */
    public List<Part> parts() {
        return parts;
    }

    /** Milliseconds of CPU so far: each part's, and the machine's busy time in all. */
    public Map<String, Long> read() {
        Map<Long, String[]> stats = stats();
        Map<Long, List<Long>> children = children(stats);
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Part part : parts) {
            millis.put(
                    part.name(),
                    switch (part.scope()) {
                        case PROCESS -> own(stats.get(part.pid()));
                        case TREE -> tree(part.pid(), stats, children);
                        case JIT_THREADS -> jitThreads(part.pid());
                    });
        }
        millis.put(MACHINE, machineBusy());
        return millis;
    }

    /**
     * Resident memory now, in MiB: each part's (its process tree for {@link Scope#TREE}; JIT threads have none of
     * their own) and {@code all_of_the_run}, from {@code VmRSS} in {@code /proc/<pid>/status}. Pages shared
     * between processes (PostgreSQL's shared buffers) count in each process that touched them.
     */
    public Map<String, Object> residentMiB() {
        Map<Long, String[]> stats = stats();
        Map<Long, List<Long>> children = children(stats);
        Map<String, Object> resident = new LinkedHashMap<>();
        long all = 0;
        for (Part part : parts) {
            if (part.scope() == Scope.JIT_THREADS) {
                continue;
            }
            List<Long> processes = part.scope() == Scope.TREE ? descendants(part.pid(), children) : List.of(part.pid());
            long kib = processes.stream().mapToLong(JavaProcess::residentKib).sum();
            resident.put(part.name(), Math.round(kib / 1024.0));
            all += kib;
        }
        resident.put("all_of_the_run", Math.round(all / 1024.0));
        return resident;
    }

    /**
     * Cores each part used between two readings, then {@code all_of_the_run} (the parts together, JIT threads
     * counted once: they are inside their process), {@code other_processes} (the machine's rest) and
     * {@code machine}.
     */
    public Map<String, Object> coresUsed(Map<String, Long> before, Map<String, Long> after, Duration elapsed) {
        Map<String, Object> cores = new LinkedHashMap<>();
        double millis = Math.max(1, elapsed.toMillis());
        long all = 0;
        for (Part part : parts) {
            long used = used(part.name(), before, after);
            cores.put(part.name(), round2(used / millis));
            if (part.scope() != Scope.JIT_THREADS) {
                all += used;
            }
        }
        long machine = used(MACHINE, before, after);
        cores.put("all_of_the_run", round2(all / millis));
        cores.put("other_processes", round2(Math.max(0, machine - all) / millis));
        cores.put(MACHINE, round2(machine / millis));
        return cores;
    }

    /**
     * The platform's CPU per unit in a {@link #perUnit} result: the sum of every part but JIT threads (already inside
     * their process) and the load generator.
     */
    public static double platformMillis(Map<String, Object> perUnit) {
        double sum = perUnit.entrySet().stream()
                .filter(part ->
                        !part.getKey().endsWith("_jit_ms") && !part.getKey().equals("load_generator_ms"))
                .mapToDouble(part -> (double) part.getValue())
                .sum();
        return Math.round(sum * 100) / 100.0;
    }

    /** Milliseconds of CPU each part spent per unit of work (an order, a transaction) between two readings. */
    public Map<String, Object> perUnit(Map<String, Long> before, Map<String, Long> after, double units) {
        Map<String, Object> perUnit = new LinkedHashMap<>();
        double n = Math.max(1, units);
        for (Part part : parts) {
            perUnit.put(part.name() + "_ms", round2(used(part.name(), before, after) / n));
        }
        return perUnit;
    }

    /**
     * The parts of a platform run on this machine: each service as its process tree with its JIT threads apart,
     * the Kafka broker whose data are in {@code kafkaDirectory}, PostgreSQL with its backends from
     * {@code postgresDirectory}, and this JVM as the load generator. A part not found is said so and counts as
     * other processes.
     */
    public static List<Part> platformParts(List<Platform> platforms, Path kafkaDirectory, Path postgresDirectory) {
        List<Part> parts = new ArrayList<>();
        for (Service service : Service.values()) {
            platforms.stream()
                    .filter(platform -> platform.services().contains(service))
                    .map(platform -> platform.process(service))
                    .filter(process -> process != null)
                    .findFirst()
                    .ifPresent(process -> {
                        parts.add(new Part(service.serviceName(), process.pid(), Scope.TREE));
                        parts.add(new Part(service.serviceName() + "_jit", process.pid(), Scope.JIT_THREADS));
                    });
        }
        long kafka = find(commandLine ->
                commandLine.contains("KafkaBrokerMain") && commandLine.contains(kafkaDirectory.toString()));
        if (kafka > 0) {
            parts.add(new Part("kafka", kafka, Scope.TREE));
        } else {
            System.out.println(
                    "Kafka's CPU is not told apart (its process was not found): it counts as other processes");
        }
        long postmaster = postmaster(postgresDirectory);
        if (postmaster > 0) {
            parts.add(new Part("postgres", postmaster, Scope.TREE));
        } else {
            System.out.println("PostgreSQL's CPU is not told apart (no postmaster.pid): it counts as other processes");
        }
        parts.add(new Part("load_generator", ProcessHandle.current().pid(), Scope.PROCESS));
        return parts;
    }

    /** The first process whose command line matches, or -1. */
    public static long find(Predicate<String> commandLine) {
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

    /** PostgreSQL's postmaster: the first line of {@code postmaster.pid} in its data directory, or -1. */
    public static long postmaster(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU between two readings; never negative, though a part's threads that ended took their time with them. */
    private static long used(String name, Map<String, Long> before, Map<String, Long> after) {
        return Math.max(0, after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L));
    }

    /** User plus system time of a process and its descendants, with the children it has reaped. */
    private static long tree(long root, Map<Long, String[]> stats, Map<Long, List<Long>> children) {
        long ticks = 0;
        for (long pid : descendants(root, children)) {
            String[] fields = stats.get(pid);
            if (fields != null) {
                ticks += Long.parseLong(fields[11])
                        + Long.parseLong(fields[12])
                        + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
            }
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** A process and all its descendants. */
    private static List<Long> descendants(long root, Map<Long, List<Long>> children) {
        List<Long> found = new ArrayList<>();
        List<Long> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            found.add(pid);
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return found;
    }

    /** The {@code stat} fields of every process now, by pid. */
    private static Map<Long, String[]> stats() {
        Map<Long, String[]> stats = new HashMap<>();
        for (long pid : pids()) {
            String[] fields = stat(Path.of("/proc", Long.toString(pid), "stat"));
            if (fields != null) {
                stats.put(pid, fields);
            }
        }
        return stats;
    }

    /** Each process's children, by parent pid. */
    private static Map<Long, List<Long>> children(Map<Long, String[]> stats) {
        Map<Long, List<Long>> children = new HashMap<>();
        stats.forEach((pid, fields) -> children.computeIfAbsent(Long.parseLong(fields[1]), parent -> new ArrayList<>())
                .add(pid));
        return children;
    }

    private static long own(String[] fields) {
        return fields == null ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    }

    /** User plus system time of the threads whose name (Linux truncates it to 15 characters) says JIT. */
    private static long jitThreads(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(CpuTimes::isCompilerThread)
                    .mapToLong(thread -> own(stat(thread.resolve("stat"))))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isCompilerThread(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false;
        }
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

    /**
     * The fields of a {@code stat} file after the command name (which may contain spaces), from field 3 on:
     * [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.
     */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
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
