package dev.cxsentinel.application.model;

/** No offer of the linked account matches the ASIN or SKU given. */
public final class OfferNotFoundException extends ApplicationException {
    private final String query;
    private final String account;

    public OfferNotFoundException(String query, String account) {
        super("offer-not-found", "No offer of account " + account + " has the ASIN or SKU \"" + query
                + "\". Check the spelling, or import a newer report.");
        this.query = query;
        this.account = account;
    }

    public String query() {
        return query;
    }

    public String account() {
        return account;
    }
}
