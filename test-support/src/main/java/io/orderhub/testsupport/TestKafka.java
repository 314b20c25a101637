package io.orderhub.testsupport;

import io.orderhub.local.kafka.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real Kafka broker (KRaft, child JVM) of this test JVM, started on first use; in the
 * {@code testcontainers} profile the {@value ProductionImages#KAFKA_IMAGE} image.
 */
public final class TestKafka {

    private TestKafka() {}

    public static String bootstrapServers() {
        return Holder.BOOTSTRAP_SERVERS;
    }

    private static final class Holder {
        static final String BOOTSTRAP_SERVERS = ProductionImages.requested()
                ? ProductionImages.kafka().getBootstrapServers()
                : start().bootstrapServers();

        private static KafkaBroker start() {
            try {
                Path dataDirectory = Files.createTempDirectory("orderhub-test-kafka");
                KafkaBroker broker =
                        KafkaBroker.start(dataDirectory, 0, List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"), true);
                Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "test-kafka-stop"));
                return broker;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
