package dev.cxsentinel.application.port.in;

/** Owe a reminder for every closed offer that has waited too long without action. */
public interface SendReminders {
    int remindDue();
}
