package io.orderhub.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The architecture every service keeps, as ArchUnit rules each service's ArchitectureTest applies. */
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
}
