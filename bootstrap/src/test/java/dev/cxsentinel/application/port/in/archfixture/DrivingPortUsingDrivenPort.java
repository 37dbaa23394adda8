package dev.cxsentinel.application.port.in.archfixture;

/** Violates "driving ports do not depend on driven ports". */
public interface DrivingPortUsingDrivenPort {
    dev.cxsentinel.application.port.out.Clock clock();
}
