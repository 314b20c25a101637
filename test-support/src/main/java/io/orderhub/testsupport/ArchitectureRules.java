package io.orderhub.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The architecture every service keeps, as ArchUnit rules. A service's ArchitectureTest applies them all
 * with one call: {@code ArchitectureRules.checkService("io.orderhub.orders")}.
 */
public final class ArchitectureRules {

    /** The root package of each deployable. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "io.orderhub.orders",
            "io.orderhub.payments",
            "io.orderhub.webhooks",
            "io.orderhub.callbacks",
            "io.orderhub.edge");

    private ArchitectureRules() {}

    /** Services talk through Kafka only: no service uses another's classes. */
    public static ArchRule staysOutOfOtherServices(String servicePackage) {
        String[] others = SERVICE_PACKAGES.stream()
                .filter(other -> !other.equals(servicePackage))
                .map(other -> other + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services share nothing but Kafka topics and the HTTP contract");
    }

    /** Controllers call use cases; only repositories touch jOOQ and the generated schema classes. */
    public static ArchRule webStaysOffPersistence(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..web..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", servicePackage + ".jooq..")
                .allowEmptyShould(true)
                .because("the web layer goes through use cases");
    }

    /** Business features (the packages right under the service's root) do not depend on each other in a circle. */
    public static ArchRule featuresFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true);
    }

    /**
     * The domain speaks no HTTP: use cases take a caller value and throw domain exceptions, and only the
     * {@code web} packages (and configuration) use the HTTP kit to turn them into requests and problems. The
     * kit's {@code periodic} package is no HTTP (it schedules the retention purges) and stays usable.
     */
    public static ArchRule domainSpeaksNoHttp(String servicePackage) {
        return noClasses()
                .that()
                .resideInAPackage(servicePackage + "..")
                .and()
                .resideOutsideOfPackages("..web..", "..config..")
                .should()
                .dependOnClassesThat(resideInAPackage("io.orderhub.httpapi..")
                        .and(not(resideInAPackage("io.orderhub.httpapi.periodic.."))))
                .because("use cases take a Caller and throw domain exceptions; web/ maps them to problems");
    }

    /** Every rule above, for one service. */
    public static ArchRule service(String servicePackage) {
        return CompositeArchRule.of(staysOutOfOtherServices(servicePackage))
                .and(webStaysOffPersistence(servicePackage))
                .and(featuresFreeOfCycles(servicePackage))
                .and(domainSpeaksNoHttp(servicePackage));
    }

    /** Checks every rule against the service's main classes (its tests may reach anywhere). */
    public static void checkService(String servicePackage) {
        service(servicePackage)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(servicePackage));
    }
}
