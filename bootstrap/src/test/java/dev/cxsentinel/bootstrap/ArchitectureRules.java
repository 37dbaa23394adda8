package dev.cxsentinel.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.TreeMap;

/** The module boundaries of DESIGN.md as ArchUnit rules. */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static final ArchRule DOMAIN_DEPENDS_ON_JDK_ONLY = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAPackage("dev.cxsentinel.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cxsentinel.domain..", "java..")
            .because("the domain is framework-free: the JDK only");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_JDK_AND_JAKARTA_INJECT = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAPackage("dev.cxsentinel.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cxsentinel.application..", "dev.cxsentinel.domain..",
                    "java..", "jakarta.inject..")
            .because("use cases know the domain, the JDK and jakarta.inject, nothing else");

    static final ArchRule GUICE_ONLY_IN_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage("dev.cxsentinel.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .because("wiring happens in bootstrap alone");

    static final ArchRule MONGO_ONLY_IN_MONGO_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("dev.cxsentinel.adapters.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "de.bwaldvogel..")
            .because("the storage model stays inside the Mongo adapter");

    static final ArchRule SLACK_ONLY_IN_SLACK_ADAPTER = noClasses()
            .that().resideOutsideOfPackage("dev.cxsentinel.adapters.slack..")
            .should().dependOnClassesThat().resideInAPackage("com.slack..")
            .because("Slack's SDK stays inside the Slack adapter");

    static final ArchRule SLACK_ADAPTER_DOES_NOT_USE_MONGO_ADAPTER = noClasses()
            .that().resideInAPackage("dev.cxsentinel.adapters.slack..")
            .should().dependOnClassesThat().resideInAPackage("dev.cxsentinel.adapters.mongo..")
            .because("adapters never depend on each other");

    static final ArchRule MONGO_ADAPTER_DOES_NOT_USE_SLACK_ADAPTER = noClasses()
            .that().resideInAPackage("dev.cxsentinel.adapters.mongo..")
            .should().dependOnClassesThat().resideInAPackage("dev.cxsentinel.adapters.slack..")
            .because("adapters never depend on each other");

    static final ArchRule NO_FIELD_INJECTION = fields()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.cxsentinel..")
            .should().notBeAnnotatedWith("jakarta.inject.Inject")
            .andShould().notBeAnnotatedWith("com.google.inject.Inject")
            .because("dependencies come through the constructor");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.cxsentinel.(**)").should().beFreeOfCycles();

    static final ArchRule DRIVING_PORTS_DO_NOT_USE_DRIVEN_PORTS = noClasses()
            .that().resideInAPackage("dev.cxsentinel.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.cxsentinel.application.port.out..")
            .because("what the application offers does not expose what it needs");

    static Map<String, ArchRule> all() {
        Map<String, ArchRule> rules = new TreeMap<>();
        rules.put("domain", DOMAIN_DEPENDS_ON_JDK_ONLY);
        rules.put("application", APPLICATION_DEPENDS_ON_DOMAIN_JDK_AND_JAKARTA_INJECT);
        rules.put("guice", GUICE_ONLY_IN_BOOTSTRAP);
        rules.put("mongo", MONGO_ONLY_IN_MONGO_ADAPTER);
        rules.put("slack", SLACK_ONLY_IN_SLACK_ADAPTER);
        rules.put("slack-not-mongo", SLACK_ADAPTER_DOES_NOT_USE_MONGO_ADAPTER);
        rules.put("mongo-not-slack", MONGO_ADAPTER_DOES_NOT_USE_SLACK_ADAPTER);
        rules.put("field-injection", NO_FIELD_INJECTION);
        rules.put("cycles", NO_PACKAGE_CYCLES);
        rules.put("ports", DRIVING_PORTS_DO_NOT_USE_DRIVEN_PORTS);
        return rules;
    }
}
