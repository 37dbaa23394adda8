package dev.cxsentinel.domain.archfixture;

/** Violates "domain depends on the JDK only" (and "Guice only in bootstrap"). */
public class DomainUsingGuice {
    public com.google.inject.Injector injector;
}
