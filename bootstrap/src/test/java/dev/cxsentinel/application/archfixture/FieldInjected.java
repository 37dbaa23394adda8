package dev.cxsentinel.application.archfixture;

/** Violates "no field injection". */
public class FieldInjected {
    @jakarta.inject.Inject
    public Object dependency;
}
