package io.orderhub.testsupport;

import io.orderhub.testsupport.RequiresTools.Tool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Evaluates {@link RequiresTools}: every listed program on the PATH, or a skip (or, when required, a failure). */
final class RequiredToolsCondition implements ExecutionCondition {

    static final String SWITCH = "ORDERHUB_REQUIRE_TOOLS";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<Tool> tools = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, RequiresTools.class))
                .map(annotation -> List.of(annotation.value()))
                .orElse(List.of());
        List<Tool> missing = missing(tools, System.getenv("PATH"));
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("found " + commands(tools));
        }
        String message = message(missing);
        if (Boolean.parseBoolean(System.getenv(SWITCH))) {
            throw new ExtensionConfigurationException(message + " (" + SWITCH + "=true: required, not skipped)");
        }
        return ConditionEvaluationResult.disabled(message + " (skipped; " + SWITCH + "=true makes this a failure)");
    }

    static List<Tool> missing(List<Tool> tools, String path) {
        List<Path> directories = path == null
                ? List.of()
                : Arrays.stream(path.split(File.pathSeparator))
                        .filter(entry -> !entry.isBlank())
                        .flatMap(RequiredToolsCondition::directory)
                        .toList();
        return tools.stream()
                .filter(tool -> directories.stream()
                        .map(directory -> directory.resolve(tool.command()))
                        .noneMatch(file -> Files.isRegularFile(file) && Files.isExecutable(file)))
                .toList();
    }

    static String message(List<Tool> missing) {
        return missing.stream()
                .map(tool -> tool.command() + " not found on the PATH; install: " + tool.install())
                .collect(Collectors.joining("; "));
    }

    private static Stream<Path> directory(String entry) {
        try {
            return Stream.of(Path.of(entry));
        } catch (InvalidPathException e) {
            return Stream.empty();
        }
    }

    private static String commands(List<Tool> tools) {
        return tools.stream().map(Tool::command).collect(Collectors.joining(", "));
    }
}
