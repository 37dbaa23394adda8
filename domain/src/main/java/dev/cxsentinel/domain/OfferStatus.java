package dev.cxsentinel.domain;

/** Where an offer stands: active, closed by Amazon, or relisted by the team and waiting for a report to confirm it. */
public enum OfferStatus {
    ACTIVE("Active", "Aktiv"),
    CLOSED("Closed", "Geschlossen"),
    RELIST_PENDING("Relist pending", "Erneutes Anbieten ausstehend");

    private final String english;
    private final String german;

    OfferStatus(String english, String german) {
        this.english = english;
        this.german = german;
    }

    public String label(Language language) {
        return language == Language.DE ? german : english;
    }
}
