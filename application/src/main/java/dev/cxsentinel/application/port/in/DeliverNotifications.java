package dev.cxsentinel.application.port.in;

/** Send what is owed now. Called by the dispatcher loop; safe to run in several instances at once. */
public interface DeliverNotifications {
    /** Delivers due notifications until none is due (or all remaining wait for a channel's pace); returns how many were sent. */
    int deliverDue();
}
