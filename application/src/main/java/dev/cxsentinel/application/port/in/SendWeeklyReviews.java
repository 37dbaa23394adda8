package dev.cxsentinel.application.port.in;

/** Send each linked channel its weekly review when its slot has come, once per week across instances and restarts. */
public interface SendWeeklyReviews {
    /** The reviews sent in this round. */
    int sendDue();
}
