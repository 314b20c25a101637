package io.orderhub.httpapi.secrets;

import java.util.List;

/** Start-up refused: the settings that hold an example, a placeholder or a too short secret. */
public final class InsecureSecretsException extends IllegalStateException {

    private final List<String> problems;

    InsecureSecretsException(List<String> problems) {
        super("Refusing to start with example or weak secrets: " + String.join("; ", problems)
                + ". Replace them; only a local run or a test may set " + SecretsGuard.ALLOW_EXAMPLES + "=true.");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
