package io.orderhub.webhooks;

import io.orderhub.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheArchitectureEveryServiceKeeps() {
        ArchitectureRules.checkService("io.orderhub.webhooks");
    }
}
