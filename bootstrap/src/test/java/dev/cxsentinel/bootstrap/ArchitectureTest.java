package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.cxsentinel.adapters.mongo.archfixture.MongoAdapterUsingSlack;
import dev.cxsentinel.adapters.slack.archfixture.SlackAdapterUsingMongoAdapter;
import dev.cxsentinel.application.archfixture.ApplicationUsingMongo;
import dev.cxsentinel.application.archfixture.FieldInjected;
import dev.cxsentinel.application.port.in.archfixture.DrivingPortUsingDrivenPort;
import dev.cxsentinel.domain.archfixture.DomainUsingGuice;
import dev.cxsentinel.fixture.cycle.a.A;
import dev.cxsentinel.fixture.cycle.b.B;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The production classes of every module (bootstrap sees them all) obey the rules; and each rule fails on a small
 * violating fixture, so no rule can pass by matching nothing.
 */
class ArchitectureTest {
    static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.cxsentinel");
    }

    @Test
    void productionClassesOfEveryModuleAreImported() {
        for (String pkg : new String[] {"dev.cxsentinel.domain", "dev.cxsentinel.application.service", "dev.cxsentinel.adapters.mongo",
                "dev.cxsentinel.adapters.slack", "dev.cxsentinel.bootstrap"}) {
            assertTrue(production.containPackage(pkg), pkg + " missing: the rules would check nothing");
        }
        assertFalse(production.contain(DomainUsingGuice.class), "test fixtures are not production");
    }

    @TestFactory
    Iterable<DynamicTest> productionObeysEveryRule() {
        return ArchitectureRules.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> e.getValue().check(production)))
                .toList();
    }

    private static final Map<String, Class<?>[]> VIOLATIONS = Map.of(
            "domain", new Class<?>[] {DomainUsingGuice.class},
            "application", new Class<?>[] {ApplicationUsingMongo.class},
            "guice", new Class<?>[] {DomainUsingGuice.class},
            "mongo", new Class<?>[] {ApplicationUsingMongo.class},
            "slack", new Class<?>[] {MongoAdapterUsingSlack.class},
            "slack-not-mongo", new Class<?>[] {SlackAdapterUsingMongoAdapter.class},
            "mongo-not-slack", new Class<?>[] {MongoAdapterUsingSlack.class},
            "field-injection", new Class<?>[] {FieldInjected.class},
            "cycles", new Class<?>[] {A.class, B.class},
            "ports", new Class<?>[] {DrivingPortUsingDrivenPort.class});

    @TestFactory
    Iterable<DynamicTest> everyRuleBitesOnAViolatingFixture() {
        return ArchitectureRules.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Class<?>[] fixture = VIOLATIONS.get(e.getKey());
            assertTrue(fixture != null, "no violating fixture for rule " + e.getKey());
            JavaClasses classes = new ClassFileImporter().importClasses(fixture);
            ArchRule rule = e.getValue();
            EvaluationResult result = rule.evaluate(classes);
            assertTrue(result.hasViolation(), "rule " + e.getKey() + " did not catch its violation");
        })).toList();
    }
}
