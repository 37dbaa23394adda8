package dev.cxsentinel.domain;

/** What a team member did to an offer. */
public enum ActionType {
    RELISTED, DISPUTED, REMEDY_RECORDED, SNOOZED
}
