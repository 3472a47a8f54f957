package org.confmail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout a reader relies on: packages by feature (conferencing, mail, security, ...), each with boundary,
 * control and entity, on top of a platform that knows no feature. Broken rules fail the build, so the layout stays
 * what README's "How it works" describes.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.confmail");
    }

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses().that().resideInAPackage("org.confmail.platform..")
                // The JAX-RS application lists the resources it serves.
                .and().doNotHaveSimpleName("ConfmailApplication")
                .should().dependOnClassesThat().resideInAnyPackage("org.confmail.conferencing..",
                        "org.confmail.mail..", "org.confmail.tenant..", "org.confmail.audit..",
                        "org.confmail.jitsi..", "org.confmail.provisioning..", "org.confmail.portal..",
                        "org.confmail.demo..", "org.confmail.security..")
                .check(classes);
    }

    @Test
    void entitiesDependOnNoServiceOrBoundary() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..", "org.confmail.portal..")
                .check(classes);
    }

    @Test
    void servicesDoNotReachIntoBoundaries() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAnyPackage("..boundary..", "org.confmail.portal..")
                .check(classes);
    }

    @Test
    void noFeatureDependsOnAnotherInACircle() {
        // The JAX-RS application lists every feature's resources; nothing else in the platform names one.
        slices().matching("org.confmail.(*)..").should().beFreeOfCycles()
                // Known and kept: the audit trail records who acted (security's Caller) and enforces @Guarded,
                // while security records its own events in the audit trail. One concern in two packages; any
                // other cycle fails.
                .ignoreDependency(JavaClass.Predicates.resideInAPackage("org.confmail.audit.."),
                        JavaClass.Predicates.resideInAPackage("org.confmail.security.."))
                .check(classes.that(DescribedPredicate.not(
                        JavaClass.Predicates.equivalentTo(org.confmail.platform.ConfmailApplication.class))));
    }
}
