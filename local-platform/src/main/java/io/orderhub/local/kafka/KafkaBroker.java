package io.orderhub.local.kafka;

import io.orderhub.local.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker in a child JVM, on a fixed port, with its data in a given directory. It can
 * be stopped and started again on the same port and data, which is what a broker outage looks like to
 * a producer. Start-up takes about five seconds.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final boolean reapOnExit;
    private JavaProcess process;

    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms256m", "-Xmx768m");

    private KafkaBroker(Path dataDirectory, int port, int controllerPort, List<String> jvmOptions, boolean reapOnExit) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvmOptions = jvmOptions;
        this.reapOnExit = reapOnExit;
    }

    /** Starts a broker; {@code port} 0 picks a free one. */
    public static KafkaBroker start(Path dataDirectory, int port) {
        return start(dataDirectory, port, DEFAULT_JVM_OPTIONS, true);
    }

    /**
     * @param reapOnExit whether the broker is killed when this JVM exits; off when the caller stops it
     *     gracefully in its own shutdown hook
     */
    public static KafkaBroker start(Path dataDirectory, int port, List<String> jvmOptions, boolean reapOnExit) {
        KafkaBrokerMain.requireDirectory(dataDirectory);
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = storedControllerPort(dataDirectory);
        KafkaBroker broker = new KafkaBroker(dataDirectory, clientPort, controllerPort, jvmOptions, reapOnExit);
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker process's resident memory now, in KiB (0 when it is not running). */
    public synchronized long residentKib() {
        return process == null ? 0 : process.residentKib();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker the way an operator does (SIGTERM, then a kill after 30 s). */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** Kills the broker (SIGKILL), as a crash of its machine or container would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Starts the broker again on the same port and data directory. */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startProcess() {
        Instant started = Instant.now();
        process = JavaProcess.builder("kafka", KafkaBrokerMain.class.getName())
                .arguments(dataDirectory.toString(), Integer.toString(port), Integer.toString(controllerPort))
                .jvmOptions(jvmOptions)
                .systemProperties(Map.of(
                        "logback.configurationFile",
                        quietLogbackConfig().toString(),
                        "org.slf4j.simpleLogger.defaultLogLevel",
                        "warn"))
                .log(dataDirectory.resolve("kafka.log"))
                .reapOnExit(reapOnExit)
                .start();
        awaitReady();
        log.info(
                "Kafka broker ready on {} after {} ms",
                bootstrapServers(),
                Duration.between(started, Instant.now()).toMillis());
    }

    private void awaitReady() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Kafka broker exited during start-up; see " + dataDirectory.resolve("kafka.log"));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (Instant.now().isAfter(deadline)) {
                        process.stop(Duration.ofSeconds(5));
                        throw new IllegalStateException("Kafka broker not ready after " + START_TIMEOUT, e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    private Path quietLogbackConfig() {
        Path config = dataDirectory.resolve("logback-kafka.xml");
        try {
            Files.writeString(config, """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="out"/></root>
                      <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** The controller port is kept with the data, because the formatted quorum remembers it. */
    private static int storedControllerPort(Path dataDirectory) {
        Path file = dataDirectory.resolve("controller.port");
        try {
            if (Files.exists(file)) {
                return Integer.parseInt(Files.readString(file).trim());
            }
            int controllerPort = freePort();
            Files.writeString(file, Integer.toString(controllerPort));
            return controllerPort;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
