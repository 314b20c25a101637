package io.orderhub.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A child JVM: a main class on this JVM's class path, or an executable jar. */
public final class JavaProcess {

    private final String name;
    private final Process process;
    private final Path logFile;

    private JavaProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** A child running {@code mainClass} with this JVM's class path. */
    public static Builder builder(String name, String mainClass) {
        return new Builder(name, List.of("-cp", currentClassPath(), mainClass));
    }

    /** A child running an executable (Spring Boot) jar. */
    public static Builder jar(String name, Path jar) {
        return new Builder(name, List.of("-jar", jar.toString()));
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has ended, however it ended. */
    public CompletableFuture<JavaProcess> onExit() {
        return process.onExit().thenApply(ended -> this);
    }

    /** Its resident memory now ({@code VmRSS}), in KiB; 0 once it has ended. */
    public long residentKib() {
        return residentKib(pid());
    }

    /**
     * A process's resident memory ({@code VmRSS} in {@code /proc/<pid>/status}) in KiB; 0 when it is gone. Pages
     * shared with other processes count in each.
     */
    public static long residentKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .orElse(0L);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Waits until the process has ended, at most {@code timeout}; whether it has. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /** The exit code; only once the process has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL when it has not ended within the grace period. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the process stops where it is, holding its connections and sessions, as a frozen VM does. */
    public void pause() {
        signal(pid(), "STOP");
    }

    /** SIGCONT: a paused process runs on from where it stopped. */
    public void resume() {
        signal(pid(), "CONT");
    }

    /**
     * Sends a signal the JDK's {@link Process} cannot send (it knows only SIGTERM and SIGKILL), through
     * {@code kill(1)}.
     */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + pid, e);
        }
    }

    /**
     * This JVM's class path. Surefire and failsafe put the test class path into {@code java.class.path}
     * even when they start the JVM through a manifest-only jar.
     */
    static String currentClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public static final class Builder {
        private final String name;
        private final List<String> launch;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> arguments = new ArrayList<>();
        private Path logFile;
        private boolean reapOnExit = true;

        private Builder(String name, List<String> launch) {
            this.name = name;
            this.launch = launch;
        }

        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        public Builder systemProperties(Map<String, String> properties) {
            systemProperties.putAll(properties);
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder arguments(String... values) {
            arguments.addAll(List.of(values));
            return this;
        }

        /**
         * Whether a JVM shutdown hook kills the child when this JVM exits (default). Turn it off when the
         * caller stops its children gracefully in its own hook: hooks run concurrently.
         */
        public Builder reapOnExit(boolean reap) {
            this.reapOnExit = reap;
            return this;
        }

        public Builder log(Path file) {
            this.logFile = file;
            return this;
        }

        public JavaProcess start() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(launch);
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            try {
                if (logFile != null) {
                    Files.createDirectories(logFile.toAbsolutePath().getParent());
                    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
                } else {
                    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
                }
                Process process = builder.start();
                if (reapOnExit) {
                    // A test JVM that ends must not leave brokers and services behind.
                    try {
                        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-reaper"));
                    } catch (IllegalStateException shuttingDown) {
                        // Started while this JVM shuts down (a supervisor's restart racing the stop): its
                        // reaper can no longer be registered, so it would outlive the JVM. It goes now.
                        process.destroyForcibly();
                        throw shuttingDown;
                    }
                }
                return new JavaProcess(name, process, logFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start " + name, e);
            }
        }
    }
}
