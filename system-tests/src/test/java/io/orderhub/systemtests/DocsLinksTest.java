package io.orderhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's Markdown files (README.md, docs/, bench/, ...) names a file or
 * directory inside the repository, and every {@code #anchor} into a Markdown file names one of its
 * headings: a clone must be readable on its own, so nothing may point outside it (e.g. {@code ../shared}).
 */
class DocsLinksTest {

    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

    @Test
    void everyRelativeLinkInTheMarkdownFilesResolvesInsideTheRepository() {
        Path root = Path.of(System.getProperty("orderhub.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<Path> files = markdownFiles(root);

        assertThat(files).contains(root.resolve("README.md"), root.resolve("docs/contract.md"));
        assertThat(brokenLinks(root, files)).isEmpty();
    }

    @Test
    void reportsALinkOutOfTheRepositoryEvenWhereItsTargetExists(@TempDir Path workspace) throws IOException {
        Path root = Files.createDirectories(workspace.resolve("repo"));
        Files.createDirectories(workspace.resolve("shared"));
        Files.writeString(workspace.resolve("shared/ARCHITECTURE.md"), "# Architecture\n");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/orders.md"), "# Orders\n\n## Creating an order\n");
        Files.writeString(root.resolve("README.md"), """
                # Readme
                The contract is [ARCHITECTURE.md](../shared/ARCHITECTURE.md); orders: [orders](docs/orders.md),
                [creating](docs/orders.md#creating-an-order), [updating](docs/orders.md#updating-an-order),
                [gone](docs/payments.md), [web](https://example.org/x.md), [here](#readme).
                `[not a link](nowhere.md)`

                ```
                [nor this](nowhere.md)
                ```
                """);

        assertThat(brokenLinks(root, markdownFiles(root)))
                .containsExactlyInAnyOrder(
                        "README.md: ../shared/ARCHITECTURE.md points outside the repository",
                        "README.md: docs/orders.md#updating-an-order has no such heading",
                        "README.md: docs/payments.md does not exist");
    }

    @Test
    void anchorsFollowGitHubsHeadingIds() {
        assertThat(anchors("""
                        # Kafka topics (Avro, Confluent wire format)
                        ### Measured (`OutboxRelayBench`, 2 cores, 2026-11-27)
                        ## API
                        ## API
                        ## [README, OpenAPI](../README.md#openapi)
                        """))
                .containsExactlyInAnyOrder(
                        "kafka-topics-avro-confluent-wire-format",
                        "measured-outboxrelaybench-2-cores-2026-11-27",
                        "api",
                        "api-1",
                        "readme-openapi");
    }

    /** Markdown files under the root, outside build output, dependencies and hidden directories. */
    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .filter(path -> isSource(root.relativize(path)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSource(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    static List<String> brokenLinks(Path root, List<Path> files) {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> headings = new HashMap<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            for (String link : links(read(file))) {
                if (SCHEME.matcher(link).find()) {
                    continue;
                }
                int hash = link.indexOf('#');
                String target = URLDecoder.decode(
                        (hash < 0 ? link : link.substring(0, hash)).replace("+", "%2B"), StandardCharsets.UTF_8);
                String anchor = hash < 0 ? null : link.substring(hash + 1);
                Path resolved = target.isEmpty()
                        ? file
                        : file.getParent().resolve(target).normalize();
                if (!resolved.startsWith(root)) {
                    broken.add(name + ": " + link + " points outside the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(name + ": " + link + " does not exist");
                } else if (anchor != null
                        && resolved.toString().endsWith(".md")
                        && !headings.computeIfAbsent(resolved, path -> anchors(read(path)))
                                .contains(anchor)) {
                    broken.add(name + ": " + link + " has no such heading");
                }
            }
        }
        return broken;
    }

    /** Link targets outside code: inline links and images, and reference definitions. */
    static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        for (String line : prose(markdown)) {
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                links.add(inline.group(1));
            }
            Matcher reference = REFERENCE_DEFINITION.matcher(text);
            if (reference.matches()) {
                links.add(reference.group(1));
            }
        }
        return links;
    }

    /** The ids GitHub gives the headings: lower case, punctuation dropped, spaces as dashes, -1 for repeats. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (!heading.matches()) {
                continue;
            }
            String text = heading.group(1).replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
            String slug = text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            int repeat = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
        }
        return anchors;
    }

    /** The lines outside fenced code blocks. */
    private static List<String> prose(String markdown) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : markdown.lines().toList()) {
            String trimmed = line.strip();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
            } else if (fence != null && trimmed.startsWith(fence)) {
                fence = null;
            } else if (fence == null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
