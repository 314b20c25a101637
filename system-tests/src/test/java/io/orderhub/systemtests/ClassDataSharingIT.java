package io.orderhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.local.Platform;
import io.orderhub.local.Service;
import io.orderhub.testsupport.TestKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/orderhub-local's class-data sharing with a real service from its jar (webhook-gateway: no database, the
 * quickest to start): the training run writes the archive its start then maps, and an archive that no longer
 * matches the jars costs the start its speed, never the start.
 */
class ClassDataSharingIT {

    private static final String FROM_THE_ARCHIVE = "source: shared objects file (top)";

    @TempDir
    Path directory;

    @Test
    void startsFromTheArchiveItsTrainingRunWrote() {
        try (Platform platform = gateway().start()) {
            long pid = platform.process(Service.WEBHOOK_GATEWAY).pid();

            assertThat(archive()).exists();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(classesFromTheArchive(pid)).isGreaterThan(1000));
        }
    }

    @Test
    void startsWithoutAnArchiveThatNoLongerMatchesItsJars() throws IOException {
        gateway().start().close();
        Path archive = archive();
        // A library behind the archive's back: the JVM compares every jar's time and size with the archive's.
        Path library;
        try (Stream<Path> libraries = Files.list(archive.resolveSibling("lib"))) {
            library = libraries.findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(library, FileTime.from(Instant.now().plusSeconds(60)));

        try (Platform platform = gateway().start()) {
            long pid = platform.process(Service.WEBHOOK_GATEWAY).pid();

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(Files.readString(log())).contains("Unable to use shared archive"));
            assertThat(classesFromTheArchive(pid)).isZero();
            assertThat(platform.process(Service.WEBHOOK_GATEWAY).isAlive()).isTrue();
        }
    }

    private Platform.Builder gateway() {
        return Platform.builder(Path.of(System.getProperty("orderhub.root")))
                .only(Service.WEBHOOK_GATEWAY)
                .httpPort(Platform.freePortBlock())
                .logDirectory(directory.resolve("logs"))
                // No API keys: the gateway's routes take signed webhooks only.
                .environment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        TestKafka.bootstrapServers(),
                        "STRIPE_WEBHOOK_SECRET",
                        "whsec_class_data_sharing",
                        "BTCPAY_WEBHOOK_SECRET",
                        "btcpay-class-data-sharing-secret"))
                .jvmOptions(List.of(
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xlog:class+load=info:file=" + directory.resolve("classes-%p.log")))
                .classDataSharing(directory.resolve("cds"))
                .healthTimeout(Duration.ofMinutes(4));
    }

    private Path archive() {
        try (Stream<Path> files = Files.walk(directory.resolve("cds"))) {
            return files.filter(path -> path.getFileName().toString().equals("webhook-gateway.jsa"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No archive under " + directory.resolve("cds")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log() {
        return directory.resolve("logs").resolve("webhook-gateway.log");
    }

    /** The classes the JVM with this pid loaded from the service's own (dynamic) archive. */
    private long classesFromTheArchive(long pid) throws IOException {
        try (Stream<String> lines = Files.lines(directory.resolve("classes-" + pid + ".log"))) {
            return lines.filter(line -> line.contains(FROM_THE_ARCHIVE)).count();
        }
    }
}
