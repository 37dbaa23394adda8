package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.CommentCategory;
import dev.cxsentinel.domain.CxHealth;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One seller account's week, for one channel: what closed, what is at risk, what recovered and what was relisted
 * in the week {@code from} (inclusive) to {@code to} (exclusive); the top NCX reasons across the account; the
 * closures nobody acted on; and how many offers sat at each health level, week by week (oldest first).
 */
public record WeeklyReview(String id, SellerAccountId account, ChannelId channel, Language language, LocalDate from, LocalDate to,
                           Offers closed, Offers atRisk, Offers recovered, Offers relisted, Offers awaitingAction,
                           List<ReasonCount> topReasons, List<WeekLevels> weeks) {
    /** How many offers are shown by name in each part; the count covers all of them. */
    public static final int EXAMPLES = 5;

    public WeeklyReview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        topReasons = List.copyOf(topReasons);
        weeks = List.copyOf(weeks);
    }

    /** An NCX reason (as the category it stands for) and how many offers have it as their top reason; most first. */
    public record ReasonCount(CommentCategory category, int offers) { }

    /** A count of offers and the first few of them. */
    public record Offers(int count, List<OfferId> examples) {
        public static final Offers NONE = new Offers(0, List.of());

        public Offers {
            examples = List.copyOf(examples);
        }
    }

    /** How many offers sat at each health level at the end of the week starting {@code weekStart}, closed ones apart. */
    public record WeekLevels(LocalDate weekStart, Map<CxHealth, Integer> levels, int closed) {
        public WeekLevels {
            levels = Map.copyOf(levels);
        }

        public int total() {
            return closed + levels.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Nothing happened and nothing waits: the review still goes out, saying so. */
    public boolean quiet() {
        return closed.count() == 0 && atRisk.count() == 0 && recovered.count() == 0 && relisted.count() == 0
                && awaitingAction.count() == 0;
    }

    public WeeklyReview forChannel(String newId, ChannelId newChannel, Language newLanguage) {
        return new WeeklyReview(newId, account, newChannel, newLanguage, from, to, closed, atRisk, recovered, relisted,
                awaitingAction, topReasons, weeks);
    }
}
