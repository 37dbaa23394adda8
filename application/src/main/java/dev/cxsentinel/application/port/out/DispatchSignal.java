package dev.cxsentinel.application.port.out;

/** Tells the dispatcher that notifications were just owed, so the first alert leaves within about a second. */
public interface DispatchSignal {
    void notificationsOwed();
}
