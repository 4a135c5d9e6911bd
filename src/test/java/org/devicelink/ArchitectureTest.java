package org.devicelink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of ARCHITECTURE.md §6, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "org.devicelink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule codeDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.devicelink.code..")
            .should().dependOnClassesThat().resideInAnyPackage("org.devicelink.protocol..", "org.devicelink.server..",
                    "org.devicelink.device..", "org.devicelink.app..");

    @ArchTest
    static final ArchRule protocolDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.devicelink.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("org.devicelink.code..", "org.devicelink.server..",
                    "org.devicelink.device..", "org.devicelink.app..");

    @ArchTest
    static final ArchRule serverNeverImportsClients = noClasses().that().resideInAPackage("org.devicelink.server..")
            .should().dependOnClassesThat().resideInAnyPackage("org.devicelink.app..", "org.devicelink.device..");

    @ArchTest
    static final ArchRule appTalksToTheServerOnlyOverHttp = noClasses().that().resideInAPackage("org.devicelink.app..")
            .and().resideOutsideOfPackage("org.devicelink.app.local..")
            .should().dependOnClassesThat().resideInAPackage("org.devicelink.server..")
            .because("the in-process server is started through app.local.LocalServer only; all else is HTTP");

    @ArchTest
    static final ArchRule deviceKitTalksToTheServerOnlyOverHttp = noClasses().that().resideInAPackage("org.devicelink.device..")
            .should().dependOnClassesThat().resideInAnyPackage("org.devicelink.server..", "org.devicelink.app..");
}
