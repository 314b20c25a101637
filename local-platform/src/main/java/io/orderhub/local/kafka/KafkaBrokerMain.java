package io.orderhub.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * The broker's child JVM: formats the data directory on first start (what {@code kafka-storage.sh
 * format} does), then runs {@code kafka.Kafka} as a combined KRaft broker and controller.
 *
 * <p>Arguments: data directory, client port, controller port.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws IOException {
        Path dataDirectory = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDirectory = dataDirectory.resolve("logs");
        Files.createDirectories(logDirectory);
        Path config = dataDirectory.resolve("server.properties");
        Files.write(config, serverProperties(logDirectory, port, controllerPort));

        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            int formatted = StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("kafka storage format failed with " + formatted);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static List<String> serverProperties(Path logDirectory, int port, int controllerPort) {
        return List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory,
                // Topics are created by the services with their partitions; nothing appears by accident.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                // A single node: every internal topic has one replica; one offsets partition starts fast.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0");
    }

    static void requireDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
