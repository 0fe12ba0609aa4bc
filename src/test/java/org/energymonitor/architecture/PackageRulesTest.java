package org.energymonitor.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@code docs/architecture.md} on the service's classes: no cycles between packages, and each
 * package uses only the packages the page allows it (the lab and the tests are not imported).
 */
class PackageRulesTest {

    private static final String ROOT = "org.energymonitor";

    /** What each package may use besides itself, Java and the libraries; the same table as docs/architecture.md. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("ingest", Set.of()),
            Map.entry("store", Set.of("ingest")),
            Map.entry("events", Set.of("ingest")),
            Map.entry("query", Set.of("ingest", "store")),
            Map.entry("sim", Set.of("ingest")),
            Map.entry("web", Set.of("ingest", "events")),
            Map.entry("mqtt", Set.of("web")),
            Map.entry("routes", Set.of("events")),
            Map.entry("jobs", Set.of("events", "query", "store")),
            Map.entry("commands", Set.of("config", "ingest", "sim", "store")),
            Map.entry("app", Set.of("commands", "config", "events", "ingest", "jobs", "mqtt", "query", "routes", "sim",
                    "store", "web")));

    private static JavaClasses classes;

    @BeforeAll
    static void importServiceClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/energymonitor/lab/"))
                .importPackages(ROOT);
    }

    @Test
    void the_packages_have_no_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void each_package_uses_only_the_packages_the_architecture_page_allows() {
        for (Map.Entry<String, Set<String>> entry : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(p -> !p.equals(entry.getKey()) && !entry.getValue().contains(p))
                    .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
            if (forbidden.length == 0) {
                continue;
            }
            ArchRuleDefinition.noClasses().that().resideInAPackage(ROOT + "." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because("docs/architecture.md lets " + entry.getKey() + " use only " + entry.getValue())
                    .check(classes);
        }
    }

    @Test
    void every_package_of_the_service_is_in_the_table() {
        Set<String> packages = new java.util.TreeSet<>();
        classes.forEach(c -> {
            String rest = c.getPackageName().substring(ROOT.length());
            if (rest.startsWith(".")) {
                packages.add(rest.substring(1).split("\\.")[0]);
            }
        });
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(ALLOWED.keySet()), packages);
    }
}
