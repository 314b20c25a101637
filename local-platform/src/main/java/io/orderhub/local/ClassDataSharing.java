package io.orderhub.local;

import io.orderhub.local.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing for the services' JVMs, as Spring Boot documents it: the JVM archives only classes it loaded
 * from the class path, not from jars nested in an executable jar, so each jar is extracted ({@code java
 * -Djarmode=tools -jar <jar> extract}) into {@code <directory>/<service>-<jar's time and size>}; a training run
 * ({@code -Dspring.context.exit=onRefresh}: the context refreshes, with its database and broker, and the JVM ends)
 * writes the archive ({@code -XX:ArchiveClassesAtExit}) that every later start maps ({@code
 * -XX:SharedArchiveFile}).
 *
 * <p>Not recorded at the end of a normal run: on JDK 17 the services took 25 s to write it after SIGTERM, and one
 * crashed doing so (SIGSEGV in {@code SystemDictionaryShared::adjust_lambda_proxy_class_dictionary}). A training
 * run writes to a file of its own, which becomes the archive only when the run ended with 0. A JVM that finds the
 * archive does not match its class path warns and runs without it, so a stale archive costs start-up time, never
 * the start.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);

    private final Path directory;

    ClassDataSharing(Path directory) {
        this.directory = directory;
    }

    /** The jar a service starts from and the JVM options that map its archive (none while it has none). */
    record Start(Path jar, List<String> jvmOptions) {}

    Start start(String service, Path jar) {
        Path extracted = extracted(service, jar);
        Path archive = archive(service, extracted);
        return new Start(
                extracted.resolve(jar.getFileName()),
                Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of());
    }

    /**
     * Writes the service's archive when it has none, by a training run {@code launcher} starts (from the jar and
     * with the JVM options it is given, in the service's environment). A failed run leaves the service without an
     * archive, logged; its next start tries again.
     */
    void train(String service, Path jar, Function<Path, JavaProcess.Builder> launcher, Duration timeout) {
        Path extracted = extracted(service, jar);
        Path archive = archive(service, extracted);
        if (Files.exists(archive) || crashed(extracted)) {
            return;
        }
        Path recording = extracted.resolve(service + "-" + UUID.randomUUID() + ".jsa.recording");
        Path trainingLog = extracted.resolve(service + "-training.log");
        JavaProcess training = launcher.apply(extracted.resolve(jar.getFileName()))
                .jvmOptions(List.of(
                        "-XX:ArchiveClassesAtExit=" + recording,
                        // The JVM's notes on classes it cannot archive (generated reflection accessors) are of no use.
                        "-Xlog:cds=error",
                        "-XX:ErrorFile=" + extracted.resolve("hs_err_pid%p.log"),
                        "-Dspring.context.exit=onRefresh"))
                .log(trainingLog)
                .start();
        try {
            if (!training.awaitExit(timeout)) {
                training.kill();
            }
            if (!training.isAlive() && training.exitCode() == 0 && Files.exists(recording)) {
                Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                log.warn(
                        "{} starts without a class-data archive: its training run did not end with 0 within {} (see {};"
                                + " when the JVM crashed, it is not tried again until the jar changes)",
                        service,
                        timeout,
                        trainingLog);
            }
            Files.deleteIfExists(recording);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class-data archive " + recording, e);
        }
    }

    /**
     * Whether a training run's JVM crashed (left its error report): not tried again for this jar, or every start
     * would pay a training run for nothing (JDK 17 crashes writing some archives, JDK-8274944).
     */
    private static boolean crashed(Path extracted) {
        try (Stream<Path> files = Files.list(extracted)) {
            return files.anyMatch(path -> path.getFileName().toString().startsWith("hs_err_pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path archive(String service, Path extracted) {
        return extracted.resolve(service + ".jsa");
    }

    /**
     * The jar extracted for class-data sharing, extracted now when this jar (by its time and size) is not yet;
     * extractions of the service's earlier jars, and their archives, are removed.
     */
    Path extracted(String service, Path jar) {
        try {
            String version = Files.getLastModifiedTime(jar).toMillis() + "-" + Files.size(jar);
            Path target = directory.resolve(service + "-" + version);
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(directory);
            Path scratch = directory.resolve(service + "-" + UUID.randomUUID() + ".extracting");
            extract(jar, scratch);
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Extracted meanwhile by another start of the same jar: that copy serves.
                delete(scratch);
            }
            try (Stream<Path> earlier = Files.list(directory)) {
                earlier.filter(path -> path.getFileName().toString().startsWith(service + "-"))
                        .filter(path -> !path.equals(target))
                        .forEach(ClassDataSharing::delete);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + jar + " for class-data sharing", e);
        }
    }

    private static void extract(Path jar, Path destination) throws IOException {
        Process extraction = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(extraction.getInputStream().readAllBytes());
        try {
            if (extraction.waitFor() != 0) {
                throw new IllegalStateException("Extracting " + jar + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            extraction.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting " + jar, e);
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + tree, e);
        }
    }
}
