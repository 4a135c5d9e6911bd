package org.devicelink;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.function.Function;
import org.devicelink.platform.UserFolders;
import org.devicelink.server.LinkServer;
import org.devicelink.server.http.HttpErrors;

/** The package rules of ARCHITECTURE.md §6 and the README's "where things are", kept by a test rather than by memory. */
@AnalyzeClasses(packages = "org.devicelink", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Each package on its own, its parent's classes included: a cycle through a composition root shows. */
    private static final SliceAssignment PACKAGES = assignment("every package", JavaClass::getPackageName);
    /** Each top-level class with its nested ones. */
    private static final SliceAssignment CLASSES = assignment("every class",
            c -> (c.isNestedClass() ? c.getEnclosingClass().orElseThrow() : c).getName().replaceAll("\\$.*", ""));

    /** The companion's screens, one package each. */
    private static final List<String> SCREENS = List.of("signin", "link", "devices", "settings", "demo", "family",
            "support", "activity");
    private static final SliceAssignment SCREEN_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return SCREENS.stream().filter(screen -> name.equals("org.devicelink.app." + screen)
                    || name.startsWith("org.devicelink.app." + screen + ".")).findFirst()
                    .map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "the companion's screens";
        }
    };

    @ArchTest
    static final ArchRule noCycleBetweenTopLevelParts = slices().matching("org.devicelink.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCycleInsideTheApp = slices().matching("org.devicelink.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCycleInsideTheServer = slices().matching("org.devicelink.server.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCycleBetweenPackages = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCycleBetweenClasses = slices().assignedFrom(CLASSES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule screensDoNotImportEachOther = slices().assignedFrom(SCREEN_PACKAGES).should().notDependOnEachOther()
            .because("a screen reaches another through the shell, never directly");

    @ArchTest
    static final ArchRule codeDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.devicelink.code..")
            .should().dependOnClassesThat(ours().and(not(resideInAPackage("org.devicelink.code.."))));

    @ArchTest
    static final ArchRule protocolDependsOnNothingOfOurs = noClasses().that().resideInAPackage("org.devicelink.protocol..")
            .should().dependOnClassesThat(ours().and(not(resideInAPackage("org.devicelink.protocol.."))));

    @ArchTest
    static final ArchRule sharedLeavesDependOnNothingOfOurs = noClasses()
            .that().resideInAnyPackage("org.devicelink.i18n..", "org.devicelink.platform..", "org.devicelink.tls..")
            .should().dependOnClassesThat(ours().and(not(resideInAnyPackage("org.devicelink.i18n..", "org.devicelink.platform..",
                    "org.devicelink.tls.."))));

    @ArchTest
    static final ArchRule wordingDependsOnlyOnTheLeaves = noClasses().that().resideInAPackage("org.devicelink.wording..")
            .should().dependOnClassesThat(ours().and(not(resideInAnyPackage("org.devicelink.wording..", "org.devicelink.i18n..",
                    "org.devicelink.protocol..", "org.devicelink.code..")))).orShould().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the companion and the page say the same sentences, so neither toolkit is in them");

    @ArchTest
    static final ArchRule scanningNeedsNoToolkit = noClasses().that().resideInAPackage("org.devicelink.scan..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.devicelink.app..", "org.devicelink.server..")
            .because("the scan command and the decoder run headless; the windows that scan are in app/scan");

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

    @ArchTest
    static final ArchRule storesNeverCallUpward = noClasses().that().resideInAPackage("org.devicelink.server.store..")
            .should().dependOnClassesThat(resideInAPackage("org.devicelink.server..")
                    .and(not(resideInAPackage("org.devicelink.server.store.."))));

    /**
     * Whatever registers HTTP routes, with every class nested in it (a nested record of parts included), other than
     * LinkServer, the one composition root that builds everything.
     */
    private static final DescribedPredicate<JavaClass> REGISTERS_ROUTES = DescribedPredicate.describe("register routes", javaClass -> {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        String name = top.getName();
        return !top.isEquivalentTo(LinkServer.class) && top.getPackage().getClasses().stream()
                .filter(c -> c.getName().equals(name) || c.getName().startsWith(name + "$"))
                .anyMatch(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass()
                        .isEquivalentTo(RoutesConfig.class)));
    });

    @ArchTest
    static final ArchRule whatRegistersRoutesImportsNoStore = noClasses().that(REGISTERS_ROUTES)
            .should().dependOnClassesThat().resideInAPackage("org.devicelink.server.store..")
            .because("routes and pages receive their services from LinkServer, the one composition root");

    @ArchTest
    static final ArchRule whatRegistersRoutesBuildsNoService = noClasses().that(REGISTERS_ROUTES)
            .should().callConstructorWhere(ourServiceBuilt())
            .because("routes and pages receive their services from LinkServer, the one composition root");

    @ArchTest
    static final ArchRule eachHttpPackageHasOneRoutesClass = classes().that(REGISTERS_ROUTES).and().areTopLevelClasses()
            .should().haveSimpleNameEndingWith("Routes").orShould().haveFullyQualifiedName(HttpErrors.class.getName())
            .because("a newcomer finds every endpoint of a package in its one *Routes class (HttpErrors maps failures, on every route)");

    @ArchTest
    static final ArchRule serverHttpGlueKnowsNoFeature = noClasses().that().resideInAPackage("org.devicelink.server.http..")
            .should().dependOnClassesThat(resideInAPackage("org.devicelink.server..")
                    .and(not(resideInAPackage("org.devicelink.server.http.."))));

    @ArchTest
    static final ArchRule appUiGlueKnowsNoScreen = noClasses().that().resideInAPackage("org.devicelink.app.common..")
            .should().dependOnClassesThat(resideInAPackage("org.devicelink.app..")
                    .and(not(resideInAPackage("org.devicelink.app.common.."))));

    @ArchTest
    static final ArchRule theDataFolderIsPassedInNeverReachedFor = noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().callMethod(UserFolders.class, "forThisUser")
            .because("the launcher resolves the user's folders once and hands them to every program");

    /**
     * A constructor of one of our server's public classes that is neither a value (record, enum) nor a failure: a
     * service. A page's own package-private parts are its own.
     */
    private static DescribedPredicate<JavaCall<?>> ourServiceBuilt() {
        return DescribedPredicate.describe("a constructor of one of our services", call -> {
            JavaClass target = call.getTargetOwner();
            return target.getPackageName().startsWith("org.devicelink.server") && target.getModifiers().contains(JavaModifier.PUBLIC)
                    && !target.isRecord() && !target.isEnum() && !target.isAssignableTo(Throwable.class);
        });
    }

    private static DescribedPredicate<JavaClass> ours() {
        return resideInAPackage("org.devicelink..");
    }

    private static SliceAssignment assignment(String description, Function<JavaClass, String> slice) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return javaClass.getPackageName().startsWith("org.devicelink") ? SliceIdentifier.of(slice.apply(javaClass))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return description;
            }
        };
    }
}
