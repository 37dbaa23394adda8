package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Text;
import java.util.List;

/** A report column with its English and German header names. */
public enum Column {
    MARKETPLACE("marketplace", "Marktplatz"),
    ASIN("asin", "ASIN"),
    SKU("sku", "SKU"),
    PRODUCT_NAME("product_name", "Produktname"),
    FULFILLMENT_CHANNEL("fulfillment_channel", "Versand"),
    CX_HEALTH("cx_health", "Status der Kundenerfahrung"),
    NCX_RATE("ncx_rate", "NCX-Rate"),
    NCX_ORDERS("ncx_orders", "NCX-Bestellungen"),
    TOTAL_ORDERS("total_orders", "Bestellungen gesamt"),
    TOP_NCX_REASON("top_ncx_reason", "Häufigster NCX-Grund"),
    LAST_OFFER_CLOSED_DATE("last_offer_closed_date", "Angebot zuletzt geschlossen"),
    OFFER_STATUS("offer_status", "Angebotsstatus"),
    DATE("date", "Datum"),
    CATEGORY("category", "Kategorie"),
    COMMENT("comment", "Kommentar");

    static final List<Column> OFFER_REQUIRED = List.of(MARKETPLACE, ASIN, SKU, FULFILLMENT_CHANNEL, CX_HEALTH);
    static final List<Column> COMMENT_REQUIRED = List.of(MARKETPLACE, ASIN, SKU, DATE, COMMENT);

    private final String english;
    private final String german;

    Column(String english, String german) {
        this.english = english;
        this.german = german;
    }

    public String english() {
        return english;
    }

    public String german() {
        return german;
    }

    public String describe() {
        return english.equalsIgnoreCase(german) ? english : english + " (" + german + ")";
    }

    /** Matches a header cell case-insensitively, ignoring surrounding spaces (and '_' vs '-' vs space). */
    static Column match(String header) {
        String h = Text.fold(header.replace("\uFEFF", ""));
        for (Column c : values()) {
            if (Text.fold(c.english).equals(h) || Text.fold(c.german).equals(h)) {
                return c;
            }
        }
        return null;
    }
}
