package dev.cxsentinel.application.model;

/** What a notification is about; the flat, storable form of a domain event. */
public enum EventType {
    DISCOVERED_AT_RISK, DEGRADED, IMPROVED, CHANGED, CLOSED, REACTIVATED, REACTIVATED_AFTER_RELIST,
    STILL_CLOSED_AFTER_RELIST, RELISTED, DISPUTED, REMEDY_RECORDED, SNOOZED, REMINDER
}
