package dev.cxsentinel.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rule 5: what to do about an offer, from Amazon's own guidance ("Probleme mit dem Status der Kundenerfahrung
 * lösen"). A table of (condition → advice), evaluated in order; each advice appears once.
 */
public final class Advisor {

    /** The facts the advice depends on. */
    public record Situation(FulfilmentChannel channel, OfferStatus status, Set<CommentCategory> categories,
                            DisputeReason inaccuracy, boolean causeFixed) {
        boolean closed() {
            return status == OfferStatus.CLOSED;
        }

        boolean fba() {
            return channel == FulfilmentChannel.FBA;
        }

        boolean any(CommentCategory... wanted) {
            for (CommentCategory c : wanted) {
                if (categories.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        boolean fundamentalProblem() {
            return categories.stream().anyMatch(c -> FUNDAMENTAL.contains(c));
        }
    }

    private record Rule(Predicate<Situation> when, java.util.function.Function<Situation, Advice> advice) { }

    private static final Set<CommentCategory> FUNDAMENTAL = EnumSet.of(CommentCategory.NOT_AS_DESCRIBED,
            CommentCategory.DEFECTIVE, CommentCategory.DAMAGED, CommentCategory.WRONG_ITEM, CommentCategory.MISSING_PARTS,
            CommentCategory.SIZE_FIT, CommentCategory.COMPATIBILITY, CommentCategory.IMAGES_OR_DESCRIPTION, CommentCategory.QUALITY);

    private static final List<Rule> RULES = List.of(
            new Rule(s -> s.closed() && s.causeFixed(), s -> new Advice(Advice.Kind.RELIST, null,
                    "A remedy was recorded since the closure: relist the offer.",
                    "Seit der Schließung wurde eine Maßnahme erfasst: Angebot erneut anbieten.")),
            new Rule(s -> s.any(CommentCategory.COMPATIBILITY, CommentCategory.SIZE_FIT, CommentCategory.IMAGES_OR_DESCRIPTION, CommentCategory.NOT_AS_DESCRIBED),
                    s -> new Advice(Advice.Kind.UPDATE_DETAIL_PAGE, null,
                            "Comments point at the detail page (compatibility, size chart, images, description): fix title, bullet points, description or images.",
                            "Kommentare deuten auf die Produktdetailseite (Kompatibilität, Größentabelle, Bilder, Beschreibung): Titel, Aufzählungspunkte, Beschreibung oder Bilder korrigieren.")),
            new Rule(s -> s.fba() && s.any(CommentCategory.WRONG_ITEM), s -> new Advice(Advice.Kind.REMOVAL_ORDER, null,
                    "Customers received the wrong item: remove the FBA stock and relabel it.",
                    "Kunden haben den falschen Artikel erhalten: Lagerbestand entfernen und neu etikettieren.")),
            new Rule(s -> s.fba() && s.any(CommentCategory.DAMAGED, CommentCategory.DEFECTIVE, CommentCategory.NOT_AS_DESCRIBED),
                    s -> new Advice(Advice.Kind.REMOVAL_ORDER, null,
                            "Items arrive damaged (inner packaging), defective or not as described: remove the FBA stock.",
                            "Artikel kommen beschädigt (Innenverpackung), defekt oder nicht wie beschrieben an: Lagerbestand entfernen.")),
            new Rule(s -> s.fba() && s.any(CommentCategory.DAMAGED, CommentCategory.DEFECTIVE, CommentCategory.NOT_AS_DESCRIBED),
                    s -> new Advice(Advice.Kind.DISPOSAL_ORDER, null,
                            "If the stock cannot be sold as it is, dispose of it instead of removing it.",
                            "Ist der Bestand so nicht verkäuflich, entsorgen statt entfernen.")),
            new Rule(s -> s.closed() && s.inaccuracy() != null && !s.fundamentalProblem(), s -> new Advice(Advice.Kind.DISPUTE, s.inaccuracy(),
                    "The comments do not describe a product or listing problem (" + s.inaccuracy().label(Language.EN) + "): dispute the closure with that reason.",
                    "Die Kommentare beschreiben kein Produkt- oder Angebotsproblem (" + s.inaccuracy().label(Language.DE) + "): Widerspruch mit diesem Grund einlegen.")),
            new Rule(s -> s.closed() && !s.fundamentalProblem(), s -> new Advice(Advice.Kind.RELIST, null,
                    "The comments show no fundamental problem with the product or listing: relist the offer.",
                    "Die Kommentare zeigen kein grundsätzliches Problem mit Produkt oder Angebot: erneut anbieten.")));

    private Advisor() {
    }

    public static List<Advice> advise(FulfilmentChannel channel, OfferStatus status, List<CustomerComment> comments, boolean causeFixed) {
        Set<CommentCategory> categories = EnumSet.noneOf(CommentCategory.class);
        comments.forEach(c -> categories.add(c.category()));
        return advise(new Situation(channel, status, categories, inaccuracy(comments), causeFixed));
    }

    public static List<Advice> advise(Situation situation) {
        List<Advice> result = new ArrayList<>();
        Set<Advice.Kind> given = EnumSet.noneOf(Advice.Kind.class);
        for (Rule rule : RULES) {
            if (rule.when().test(situation)) {
                Advice advice = rule.advice().apply(situation);
                if (given.add(advice.kind())) {
                    result.add(advice);
                }
            }
        }
        return result;
    }

    /** Grounds for a dispute: delivery comments (which Amazon does not count), or signs of fraud or misunderstanding. */
    static DisputeReason inaccuracy(List<CustomerComment> comments) {
        for (CustomerComment c : comments) {
            String text = c.text().toLowerCase(Locale.ROOT);
            if (text.contains("fraud") || text.contains("betrug") || text.contains("betrüg") || text.contains("fake review")) {
                return DisputeReason.FRAUDULENT_COMMENTS;
            }
        }
        for (CustomerComment c : comments) {
            String text = c.text().toLowerCase(Locale.ROOT);
            if (text.contains("by mistake") || text.contains("misunderst") || text.contains("versehentlich") || text.contains("missverst")) {
                return DisputeReason.CUSTOMER_MISUNDERSTANDING;
            }
        }
        return comments.stream().anyMatch(c -> c.category().isInaccurateForNcx()) ? DisputeReason.DELIVERY_PROBLEMS : null;
    }
}
