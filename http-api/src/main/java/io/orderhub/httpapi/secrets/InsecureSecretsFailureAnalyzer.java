package io.orderhub.httpapi.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refusal as one readable block instead of a stack trace. */
public final class InsecureSecretsFailureAnalyzer extends AbstractFailureAnalyzer<InsecureSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InsecureSecretsException cause) {
        return new FailureAnalysis(
                "Example or weak secrets are configured:\n  - " + String.join("\n  - ", cause.problems()),
                "Give each named variable a secret of its own (signing secrets "
                        + SecretsGuard.SIGNING_MINIMUM + "+ random characters, e.g. `openssl rand -hex 32`). "
                        + "Only the local run and tests may set ORDERHUB_SECRETS_ALLOW_EXAMPLES=true.",
                cause);
    }
}
