package dev.cxsentinel.application.model;

/** No offer of the linked account matches the ASIN or SKU given. */
public final class OfferNotFoundException extends ApplicationException {
    public OfferNotFoundException(String query, String account) {
        super("offer-not-found", "No offer of account " + account + " has the ASIN or SKU \"" + query
                + "\". Check the spelling, or import a newer report.");
    }
}
