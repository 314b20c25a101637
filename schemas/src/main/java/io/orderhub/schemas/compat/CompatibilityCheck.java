package io.orderhub.schemas.compat;

import io.orderhub.schemas.EventTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks that each current event schema can read data written with every released version of it
 * (Confluent's BACKWARD_TRANSITIVE), using Avro's own {@link SchemaCompatibility}. Runs in the schemas
 * module's build; a non-zero exit fails the build.
 */
public final class CompatibilityCheck {

    private static final Pattern RELEASED_FILE = Pattern.compile("(\\w+)-v(\\d+)\\.avsc");

    private CompatibilityCheck() {}

    public static void main(String[] args) {
        Path releasedDirectory = Path.of(args.length > 0 ? args[0] : "released");
        List<String> problems = check(releasedDirectory, currentSchemas());
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            throw new IllegalStateException(problems.size() + " schema change(s) are not BACKWARD compatible");
        }
        System.out.println("Schemas are BACKWARD compatible with every released version in " + releasedDirectory);
    }

    static List<Schema> currentSchemas() {
        return Stream.of(EventTopic.values()).map(EventTopic::valueSchema).toList();
    }

    /** One line per released version the matching current schema cannot read; empty when all is well. */
    public static List<String> check(Path releasedDirectory, List<Schema> currentSchemas) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(releasedDirectory)) {
            return problems;
        }
        try (Stream<Path> files = Files.list(releasedDirectory)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = RELEASED_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                Schema released = new Schema.Parser().parse(file.toFile());
                Schema current = currentSchemas.stream()
                        .filter(s -> s.getName().equals(name.group(1)))
                        .findFirst()
                        .orElse(null);
                if (current == null) {
                    problems.add(file.getFileName() + ": no current schema named " + name.group(1));
                    continue;
                }
                SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
                if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(file.getFileName() + ": the current " + current.getName() + " cannot read it: "
                            + result.getResult().getIncompatibilities());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }
}
