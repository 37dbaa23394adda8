package dev.cxsentinel.application.report;

import dev.cxsentinel.domain.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report column with the header names it is known by: our own format ({@code cx_health}), Seller Central's
 * Voice of the Customer download and dashboard in English and German ({@code CX Health}, {@code Status der
 * Kundenerfahrung}), and the FBA customer returns report ({@code customer-comments}). Matching ignores case,
 * surrounding spaces, a byte-order mark and the difference between '_', '-' and space. {@code docs/cx-report.md}
 * lists every name.
 */
public enum Column {
    MARKETPLACE(List.of("marketplace", "marketplace id", "marketplace_id"), List.of("Marktplatz")),
    ASIN(List.of("asin"), List.of("ASIN")),
    SKU(List.of("sku", "seller sku", "merchant sku"), List.of("SKU", "Händler-SKU", "Verkäufer-SKU")),
    PRODUCT_NAME(List.of("product_name", "product name", "product-name", "title", "item name"),
            List.of("Produktname", "Produktbezeichnung", "Artikelbezeichnung", "Titel")),
    CONDITION(List.of("condition"), List.of("Zustand")),
    FULFILLMENT_CHANNEL(List.of("fulfillment_channel", "fulfilled by", "fulfillment channel", "fulfilment channel", "fulfilment",
            "fulfillment", "fulfilled"),
            List.of("Versand", "Versand durch", "Versandart", "Erfüllt durch", "Erfüllt von", "Versand über")),
    CX_HEALTH(List.of("cx_health", "cx health", "pcxHealth", "customer experience health", "cx health status", "health"),
            List.of("Status der Kundenerfahrung", "CX-Status", "Kundenerfahrung", "Zustand der Kundenerfahrung",
                    "Kundenerfahrungsstatus", "Status Kundenerfahrung", "CX-Zustand")),
    NCX_RATE(List.of("ncx_rate", "ncx rate", "negative customer experience rate", "ncx"),
            List.of("NCX-Rate", "NCX Rate", "Rate negativer Kundenerfahrungen", "NCX-Quote")),
    NCX_ORDERS(List.of("ncx_orders", "ncx orders", "negative customer experience orders", "orders with ncx"),
            List.of("NCX-Bestellungen", "Bestellungen mit NCX", "NCX Bestellungen", "Bestellungen mit negativer Kundenerfahrung")),
    TOTAL_ORDERS(List.of("total_orders", "total orders", "orders", "total order count"),
            List.of("Bestellungen gesamt", "Gesamtbestellungen", "Bestellungen insgesamt", "Gesamtzahl der Bestellungen",
                    "Anzahl Bestellungen", "Bestellungen")),
    RETURN_RATE(List.of("return rate"), List.of("Rücksendequote", "Retourenquote", "Rückgabequote")),
    STAR_RATING(List.of("star rating"), List.of("Sternebewertung", "Sterne-Bewertung", "Bewertung")),
    TOP_NCX_REASON(List.of("top_ncx_reason", "top ncx reason", "top reason", "top return reason", "main ncx reason"),
            List.of("Häufigster NCX-Grund", "Hauptgrund für NCX", "Häufigster Grund", "Top-NCX-Grund", "Hauptursache",
                    "Häufigster Grund für NCX", "Hauptgrund für negative Kundenerfahrungen", "Wichtigster NCX-Grund")),
    RETURN_BADGE(List.of("return badge displayed", "return badge", "frequently returned badge"),
            List.of("Rücksende-Badge angezeigt", "Rücksendeabzeichen angezeigt", "Retouren-Badge angezeigt", "Badge angezeigt",
                    "Rückgabe-Badge angezeigt", "Abzeichen für Rücksendungen angezeigt")),
    LAST_UPDATED(List.of("last updated", "last_updated", "as of"), List.of("Zuletzt aktualisiert", "Letzte Aktualisierung", "Stand")),
    LAST_OFFER_CLOSED_DATE(List.of("last_offer_closed_date", "last offer closed date", "last closed date", "offer closed date",
            "closed date", "offer closed"),
            List.of("Angebot zuletzt geschlossen", "Datum der letzten Angebotsschließung", "Letzte Angebotsschließung",
                    "Zuletzt geschlossen", "Angebot geschlossen am", "Datum der letzten Schließung", "Geschlossen am")),
    OFFER_STATUS(List.of("offer_status", "offer status", "status"), List.of("Angebotsstatus")),
    DATE(List.of("date"), List.of("Datum")),
    CATEGORY(List.of("category"), List.of("Kategorie")),
    COMMENT(List.of("comment"), List.of("Kommentar")),
    RETURN_DATE(List.of("return-date", "return date"), List.of("Rücksendedatum", "Rückgabedatum")),
    ORDER_ID(List.of("order-id", "order id"), List.of("Bestellnummer")),
    FNSKU(List.of("fnsku"), List.of("FNSKU")),
    QUANTITY(List.of("quantity"), List.of("Menge", "Anzahl")),
    RETURN_REASON(List.of("reason", "return reason"), List.of("Grund", "Rücksendegrund", "Rückgabegrund")),
    CUSTOMER_COMMENTS(List.of("customer-comments", "customer comments", "customer comment"),
            List.of("Kundenkommentare", "Kundenkommentar"));

    static final List<Column> OFFER_REQUIRED = List.of(ASIN, SKU, FULFILLMENT_CHANNEL, CX_HEALTH);
    static final List<Column> COMMENT_REQUIRED = List.of(SKU, DATE, COMMENT);
    static final List<Column> RETURNS_REQUIRED = List.of(SKU, RETURN_DATE, RETURN_REASON);

    private static final Map<String, Column> BY_NAME = new HashMap<>();

    static {
        for (Column c : values()) {
            c.english.forEach(n -> BY_NAME.putIfAbsent(Text.fold(n), c));
            c.german.forEach(n -> BY_NAME.putIfAbsent(Text.fold(n), c));
        }
    }

    private final List<String> english;
    private final List<String> german;

    Column(List<String> english, List<String> german) {
        this.english = english;
        this.german = german;
    }

    /** The name used in messages: our own format's header. */
    public String english() {
        return english.get(0);
    }

    public String german() {
        return german.get(0);
    }

    public List<String> names() {
        List<String> all = new ArrayList<>(english);
        all.addAll(german);
        return all;
    }

    public String describe() {
        return english().equalsIgnoreCase(german()) ? english() : english() + " (" + german() + ")";
    }

    /** Matches a header cell; null for an unknown column (ignored). */
    static Column match(String header) {
        String h = header.replace("\uFEFF", "");
        Column exact = BY_NAME.get(Text.fold(h));
        if (exact != null) {
            return exact;
        }
        // "NCX rate (%)", "Total orders*", "ASIN:": the name without a unit in brackets or trailing marks
        String bare = h.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ").replaceAll("[*:#%.]+", " ");
        return BY_NAME.get(Text.fold(bare));
    }
}
