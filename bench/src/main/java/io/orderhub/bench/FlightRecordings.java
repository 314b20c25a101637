package io.orderhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Java Flight Recordings of the measured window of running JVMs. Each JVM records from its start ({@link #JVM_OPTION}:
 * starting a recording in a running JVM makes it recompile its hot code, which the window would then measure);
 * {@link #dump} writes every JVM's recording of the measured window with {@code jcmd} (one {@code <name>.jfr} per JVM).
 */
public final class FlightRecordings {

    private static final String NAME = "bench";

    /** Starts the recording {@link #dump} writes; the JVM keeps the last ten minutes of it. */
    public static final String JVM_OPTION = "-XX:StartFlightRecording=name=" + NAME + ",settings=profile,maxage=10m";

    private final List<CpuTimes.Part> jvms;
    private final Path directory;

    /** The JVMs among {@code parts} (those whose JIT threads are measured too), dumped into {@code directory}. */
    public FlightRecordings(List<CpuTimes.Part> parts, Path directory) {
        this.jvms = parts.stream()
                .filter(part -> part.scope() != CpuTimes.Scope.JIT_THREADS)
                .filter(part -> parts.stream()
                        .anyMatch(jit -> jit.scope() == CpuTimes.Scope.JIT_THREADS && jit.pid() == part.pid()))
                .toList();
        this.directory = directory;
    }

    /**
     * Writes every JVM's recording of at least the last {@code window}; answers the files written. JFR writes whole
     * chunks, so a file may begin earlier (the first chunk starts with the JVM): take the window's events by their
     * start time.
     */
    public List<Path> dump(Duration window) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (CpuTimes.Part jvm : jvms) {
            Path file = directory.resolve(jvm.name() + ".jfr").toAbsolutePath();
            jcmd(jvm.pid(), "JFR.dump", "name=" + NAME, "begin=-" + window.toSeconds() + "s", "filename=" + file);
            files.add(file);
        }
        return files;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + String.join(" ", command) + " failed: " + output);
        }
    }
}
