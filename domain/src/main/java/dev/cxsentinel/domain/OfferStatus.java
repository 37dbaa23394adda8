package dev.cxsentinel.domain;

/** Where an offer stands: active, closed by Amazon, or relisted by the team and waiting for a report to confirm it. */
public enum OfferStatus {
    ACTIVE, CLOSED, RELIST_PENDING
}
