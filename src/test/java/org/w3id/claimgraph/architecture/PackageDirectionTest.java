package org.w3id.claimgraph.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.Uses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;

/**
 * Every package says in its package-info which other claimgraph packages it may use ({@link Uses}); no class
 * depends on a package its own does not name. A new package without a package-info fails too.
 */
class PackageDirectionTest {
    private static final String ROOT = "org.w3id.claimgraph";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPackageDeclaresWhatItMayUse() {
        Set<String> packages = packages();
        assertTrue(packages.size() >= 13, packages.toString());
        for (String pkg : packages) {
            Package p = load(pkg);
            assertNotNull(p.getAnnotation(Uses.class), pkg + " has no package-info.java with @Uses");
            for (String used : p.getAnnotation(Uses.class).value()) {
                assertTrue(packages.contains(ROOT + "." + used), pkg + " names " + used + ", which is not a package");
            }
        }
    }

    @Test
    void noPackageUsesOneItDoesNotDeclare() {
        List<String> violations = new ArrayList<>();
        for (String pkg : packages()) {
            Set<String> allowed = new TreeSet<>(List.of(pkg));
            for (String used : load(pkg).getAnnotation(Uses.class).value()) allowed.add(ROOT + "." + used);
            DescribedPredicate<JavaClass> forbidden = DescribedPredicate.describe("claimgraph classes outside " + allowed,
                    c -> c.getPackageName().startsWith(ROOT) && !allowed.contains(c.getPackageName()));
            var result = noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat(forbidden)
                    .allowEmptyShould(true).evaluate(MAIN);
            violations.addAll(result.getFailureReport().getDetails());
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theRuleCatchesAnImportAgainstTheDirection() {
        // The rule itself can fail: project may use nothing, and its classes are used by everyone.
        Set<String> allowed = Set.of(ROOT + ".project");
        DescribedPredicate<JavaClass> forbidden = DescribedPredicate.describe("outside project",
                c -> c.getPackageName().startsWith(ROOT) && !allowed.contains(c.getPackageName()));
        var result = noClasses().that().resideInAPackage(ROOT + ".cli").should().dependOnClassesThat(forbidden).evaluate(MAIN);
        assertTrue(result.hasViolation(), "cli uses more than project, so this rule must report it");
    }

    private static Set<String> packages() {
        Set<String> names = new TreeSet<>();
        MAIN.forEach(c -> names.add(c.getPackageName()));
        return names;
    }

    private static Package load(String name) {
        try {
            return Class.forName(name + ".package-info").getPackage();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name + " has no package-info.java", e);
        }
    }
}
