package io.orderhub.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules catch what they are for, on fixture classes that break them on purpose. */
class ArchitectureRulesTest {

    private static final String SERVICE = "io.orderhub.payments.archfixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(SERVICE);

    @Test
    void catchesAControllerUsingARepository() {
        assertThatThrownBy(
                        () -> ArchitectureRules.webStaysOffPersistence(SERVICE).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyController");
    }

    @Test
    void catchesACycleBetweenFeatures() {
        assertThatThrownBy(() -> ArchitectureRules.featuresFreeOfCycles(SERVICE).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }

    @Test
    void catchesAServiceUsingAnotherServicesClass() {
        assertThatThrownBy(() -> ArchitectureRules.staysOutOfOtherServices("io.orderhub.payments")
                        .check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderInternals");
    }

    @Test
    void catchesHttpOutsideTheWebLayer() {
        assertThatThrownBy(() -> ArchitectureRules.domainSpeaksNoHttp(SERVICE).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RefundWithHttp");
    }

    @Test
    void letsTheWebLayerUseHttp() {
        String clean = "io.orderhub.webhooks.archfixture";
        ArchitectureRules.domainSpeaksNoHttp(clean).check(new ClassFileImporter().importPackages(clean));
    }

    @Test
    void checksEveryRuleForAService() {
        assertThatThrownBy(() -> ArchitectureRules.service(SERVICE).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyController")
                .hasMessageContaining("Cycle")
                .hasMessageContaining("RefundWithHttp");
    }
}
