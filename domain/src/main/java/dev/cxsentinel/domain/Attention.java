package dev.cxsentinel.domain;

/** Why an offer needs the team's attention, most urgent first: the order of {@code /cx list} and App Home. */
public enum Attention {
    CLOSED, RELIST_PENDING, VERY_POOR, POOR
}
