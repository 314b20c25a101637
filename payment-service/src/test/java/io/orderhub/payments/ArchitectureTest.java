package io.orderhub.payments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.orderhub.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String ROOT = "io.orderhub.payments";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void usesNoClassOfAnotherService() {
        ArchitectureRules.staysOutOfOtherServices(ROOT).check(CLASSES);
    }

    @Test
    void keepsTheWebLayerOffPersistence() {
        ArchitectureRules.webStaysOffPersistence(ROOT).check(CLASSES);
    }

    @Test
    void keepsFeaturesFreeOfCycles() {
        ArchitectureRules.featuresFreeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void keepsHttpOutOfTheDomain() {
        ArchRuleDefinition.noClasses()
                .that()
                .resideOutsideOfPackages("..web..", "..config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.orderhub.httpapi..")
                .because("use cases take a Caller and throw domain exceptions; web/ maps them to problems")
                .check(CLASSES);
    }
}
