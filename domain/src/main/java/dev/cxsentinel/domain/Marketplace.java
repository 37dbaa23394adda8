package dev.cxsentinel.domain;

import java.time.ZoneId;
import java.util.Locale;

/** An Amazon marketplace (Marktplatz): its code, shop domain, marketplace id and Seller Central host. */
public enum Marketplace {
    DE("amazon.de", "A1PA6795UKMFR9", "sellercentral.amazon.de"),
    FR("amazon.fr", "A13V1IB3VIYZZH", "sellercentral.amazon.fr"),
    IT("amazon.it", "APJ6JRA9NG5V4", "sellercentral.amazon.it"),
    ES("amazon.es", "A1RKKUPIHCS9HS", "sellercentral.amazon.es"),
    UK("amazon.co.uk", "A1F83G8C2ARO7P", "sellercentral.amazon.co.uk"),
    NL("amazon.nl", "A1805IZSGTT6HS", "sellercentral.amazon.nl"),
    SE("amazon.se", "A2NODRKZP88ZB9", "sellercentral.amazon.se"),
    PL("amazon.pl", "A1C3SOZRARQ6R3", "sellercentral.amazon.pl"),
    BE("amazon.com.be", "AMEN7PMS3EDWL", "sellercentral.amazon.com.be"),
    IE("amazon.ie", "A28R8C7NBKEWEA", "sellercentral.amazon.ie"),
    TR("amazon.com.tr", "A33AVAJ2PDY3EV", "sellercentral.amazon.com.tr"),
    US("amazon.com", "ATVPDKIKX0DER", "sellercentral.amazon.com"),
    CA("amazon.ca", "A2EUQ1WTGCTBG2", "sellercentral.amazon.ca"),
    MX("amazon.com.mx", "A1AM78C64UM0Y8", "sellercentral.amazon.com.mx"),
    BR("amazon.com.br", "A2Q3Y263D00KWC", "sellercentral.amazon.com.br"),
    JP("amazon.co.jp", "A1VC38T7YXB528", "sellercentral.amazon.co.jp"),
    AU("amazon.com.au", "A39IBJ37TRP1C6", "sellercentral.amazon.com.au"),
    IN("amazon.in", "A21TJRUUN4KGV", "sellercentral.amazon.in"),
    AE("amazon.ae", "A2VIGQ35RCS4UG", "sellercentral.amazon.ae"),
    SA("amazon.sa", "A17E79C6D8DWNP", "sellercentral.amazon.sa"),
    SG("amazon.sg", "A19VAU5U5O7RUS", "sellercentral.amazon.sg");

    private final String domain;
    private final String marketplaceId;
    private final String sellerCentralHost;

    Marketplace(String domain, String marketplaceId, String sellerCentralHost) {
        this.domain = domain;
        this.marketplaceId = marketplaceId;
        this.sellerCentralHost = sellerCentralHost;
    }

    public String code() {
        return name();
    }

    public String domain() {
        return domain;
    }

    public String marketplaceId() {
        return marketplaceId;
    }

    public String sellerCentralHost() {
        return sellerCentralHost;
    }

    /** The Voice of the Customer dashboard (Stimme des Kunden) on this marketplace's Seller Central. */
    public String voiceOfTheCustomerUrl() {
        return "https://" + sellerCentralHost + "/voice-of-the-customer";
    }

    /** The marketplace's local time: Seller Central's reports and a team's working week there run on it. */
    public ZoneId zone() {
        return ZoneId.of(switch (this) {
            case UK -> "Europe/London";
            case IE -> "Europe/Dublin";
            case TR -> "Europe/Istanbul";
            case US -> "America/Los_Angeles";
            case CA -> "America/Toronto";
            case MX -> "America/Mexico_City";
            case BR -> "America/Sao_Paulo";
            case JP -> "Asia/Tokyo";
            case AU -> "Australia/Sydney";
            case IN -> "Asia/Kolkata";
            case AE -> "Asia/Dubai";
            case SA -> "Asia/Riyadh";
            case SG -> "Asia/Singapore";
            default -> "Europe/Berlin";
        });
    }

    /** Accepts a code ({@code DE}, {@code GB} for UK), a domain ({@code amazon.de}, {@code www.amazon.de}) or a marketplace id. */
    public static Marketplace parse(String text) {
        if (text != null) {
            String t = text.strip();
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("https://")) {
                lower = lower.substring(8);
            }
            if (lower.startsWith("www.")) {
                lower = lower.substring(4);
            }
            if (lower.endsWith("/")) {
                lower = lower.substring(0, lower.length() - 1);
            }
            if (lower.equals("gb")) {
                return UK;
            }
            for (Marketplace m : values()) {
                if (m.name().equalsIgnoreCase(t) || m.domain.equals(lower) || m.marketplaceId.equals(t)) {
                    return m;
                }
            }
        }
        throw new InvalidValueException("marketplace", String.valueOf(text), "marketplace");
    }
}
