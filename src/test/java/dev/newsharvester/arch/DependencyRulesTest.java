package dev.newsharvester.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's arrows: {@code lambda}/{@code cli} → {@code pipeline}/{@code query} → {@code health} → {@code fetch}/
 * {@code discover}/{@code extract}/{@code fingerprint}/{@code store}/{@code fleet} → {@code outlet} ({@code health}
 * reads {@code store} only); {@code extract} and {@code fingerprint} know nothing of AWS or HTTP; the Lambda
 * artifact's packages never reach the local stack; {@code observe} (logs and metrics) sits between the entry points
 * and the flow; {@code export} reads through {@code query}/{@code store}, and {@code export.parquet} knows nothing of
 * the project; {@code search} reads {@code store} and serves {@code cli} (and the web page).
 */
class DependencyRulesTest {

    private static final String ROOT = "dev.newsharvester.";
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.newsharvester");
    }

    private static String[] packages(String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = ROOT + names[i] + "..";
        }
        return out;
    }

    @Test
    void partsDoNotDependOnTheFlowOrItsEntryPoints() {
        noClasses().that().resideInAnyPackage(packages("fetch", "discover", "extract", "fingerprint", "store", "fleet",
                        "outlet"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("pipeline", "query", "lambda", "cli", "local",
                        "eval", "health", "change", "search", "web"))
                .check(classes);
    }

    /**
     * The search index reads the store (clean copies, the change log) and is a change sink; the command line, the web
     * page and exports use it. The flow never knows of it (the command line wires it as a sink), and the Lambda
     * artifact, which leaves Lucene out, never reaches it.
     */
    @Test
    void searchReadsTheStoreAndIsUsedByTheEntryPointsOnly() {
        noClasses().that().resideInAnyPackage(packages("search"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("pipeline", "query", "lambda", "cli", "local",
                        "eval", "health", "fetch", "discover", "fleet", "observe"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages("pipeline", "change", "lambda", "health", "observe"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("search"))
                .check(classes);
    }

    /** The web page reads (query, change log, health, store); it never fetches, harvests or runs the flow, and nothing below the entry points knows it. */
    @Test
    void theWebPageOnlyReads() {
        noClasses().that().resideInAnyPackage(packages("web"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("pipeline", "lambda", "cli", "local", "eval",
                        "fetch", "discover", "fleet", "observe"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages("pipeline", "query", "health", "change", "lambda", "observe"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("web"))
                .check(classes);
    }

    /** Change events are published by the flow; they may read the store (clean copies for diffs), never run the flow. */
    @Test
    void changesDoNotRunTheFlow() {
        noClasses().that().resideInAnyPackage(packages("change"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("pipeline", "query", "lambda", "cli", "local",
                        "eval", "health", "fetch", "discover", "fleet"))
                .check(classes);
    }

    /** Outlet health sits between the flow and the store: it reads counters, it neither fetches nor runs the flow. */
    @Test
    void healthReadsTheStoreOnly() {
        noClasses().that().resideInAnyPackage(packages("health"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("pipeline", "query", "lambda", "cli", "local",
                        "eval", "observe", "fetch", "discover", "extract", "fingerprint", "fleet"))
                .check(classes);
    }

    @Test
    void theFlowDoesNotDependOnItsEntryPoints() {
        noClasses().that().resideInAnyPackage(packages("pipeline", "query"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("lambda", "cli", "local", "eval"))
                .check(classes);
    }

    @Test
    void logsAndMetricsServeTheEntryPointsAndNeverReachThem() {
        noClasses().that().resideInAnyPackage(packages("observe"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("lambda", "cli", "local", "eval"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages("pipeline", "query", "fetch", "discover", "extract",
                        "fingerprint", "store", "fleet", "outlet"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("observe"))
                .check(classes);
    }

    @Test
    void theLambdaHandlersNeverReachTheCommandLineOrTheLocalStack() {
        noClasses().that().resideInAnyPackage(packages("lambda"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("cli", "local"))
                .check(classes);
    }

    @Test
    void extractionAndFingerprintsKnowNothingOfAwsOrHttp() {
        noClasses().that().resideInAnyPackage(packages("extract", "fingerprint"))
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "java.net.http..",
                        ROOT + "fetch..", ROOT + "store..", ROOT + "fleet..", ROOT + "discover..")
                .check(classes);
    }

    /** Exports read the archive through the read side (query, store) and never run the flow or reach the entry points. */
    @Test
    void exportsReadAndNeverRunTheFlow() {
        noClasses().that().resideInAnyPackage(packages("export"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("pipeline", "lambda", "cli", "local", "eval",
                        "health", "change", "fetch", "discover", "fleet"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages("query", "store", "extract", "fingerprint", "outlet", "pipeline"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("export"))
                .check(classes);
        // the Parquet writer is a format, not a part of the archive: it knows nothing of the project
        noClasses().that().resideInAPackage(ROOT + "export.parquet")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT.substring(0, ROOT.length() - 1),
                        ROOT + "export", ROOT + "query..", ROOT + "store..", ROOT + "extract..", ROOT + "pipeline..",
                        ROOT + "cli..", "software.amazon..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void outletProfilesDependOnNoOtherPart() {
        noClasses().that().resideInAnyPackage(packages("outlet"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("fetch", "discover", "extract", "fingerprint",
                        "store", "fleet"))
                .check(classes);
    }

    /**
     * Athena questions are asked by the command line and the web page (which is handed an AthenaSearch by cli): they
     * read the settings and the store's formats, run nothing, and know neither of their askers.
     */
    @Test
    void athenaQuestionsSitBelowTheCommandLine() {
        noClasses().that().resideInAnyPackage(packages("athena"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("lambda", "cli", "local", "eval", "fetch",
                        "discover", "fleet", "health", "change", "web"))
                .check(classes);
        noClasses().that().resideInAnyPackage(packages("pipeline", "query", "fetch", "discover", "extract",
                        "fingerprint", "store", "fleet", "outlet", "health", "change", "lambda"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("athena"))
                .check(classes);
    }
}
