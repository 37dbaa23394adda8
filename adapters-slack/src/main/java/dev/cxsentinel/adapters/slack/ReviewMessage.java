package dev.cxsentinel.adapters.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.OfferId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The weekly review in words: a header, one line per part with the first offers named, and the top NCX reasons. */
final class ReviewMessage {
    private ReviewMessage() {
    }

    static String title(WeeklyReview r) {
        Language l = r.language();
        DateTimeFormatter day = DateTimeFormatter.ofPattern(l == Language.DE ? "d. MMM yyyy" : "MMM d, yyyy",
                l == Language.DE ? Locale.GERMAN : Locale.ENGLISH);
        return Messages.get(l, "review.title", r.account().value(), day.format(r.from()), day.format(r.to().minusDays(1)));
    }

    /** The lines of the review in mrkdwn, shared by Slack and the console. */
    static List<String> lines(WeeklyReview r) {
        Language l = r.language();
        List<String> lines = new ArrayList<>();
        if (r.quiet()) {
            lines.add(Messages.get(l, "review.quiet"));
        } else {
            part(lines, l, "review.closed", r.closed());
            part(lines, l, "review.at.risk", r.atRisk());
            part(lines, l, "review.recovered", r.recovered());
            part(lines, l, "review.relisted", r.relisted());
            part(lines, l, "review.open", r.awaitingAction());
        }
        if (!r.topReasons().isEmpty()) {
            lines.add(Messages.get(l, "review.reasons", r.topReasons().stream()
                    .map(c -> Messages.label(c.category(), l) + " " + c.offers())
                    .collect(Collectors.joining(" · "))));
        }
        return lines;
    }

    private static void part(List<String> lines, Language l, String key, WeeklyReview.Offers offers) {
        String named = offers.examples().stream().map(ReviewMessage::handle).collect(Collectors.joining(", "));
        int more = offers.count() - offers.examples().size();
        if (more > 0) {
            named += " " + Messages.get(l, "review.more", more);
        }
        lines.add(Messages.get(l, key, offers.count()) + (offers.count() == 0 ? "" : " · " + named));
    }

    private static String handle(OfferId id) {
        return SlackText.code(id.sku().value() + "@" + id.marketplace().code());
    }

    static List<LayoutBlock> blocks(WeeklyReview r) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(SlackText.cut(SlackText.plain(title(r)), 150), true))));
        blocks.add(section(s -> s.text(markdownText(AlertCard.limit(String.join("\n", lines(r)))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(Messages.get(r.language(), "review.chart.note"))))));
        return blocks;
    }

    static String fallback(WeeklyReview r) {
        return SlackText.plain(Messages.get(r.language(), "review.fallback", r.account().value(), r.closed().count(),
                r.atRisk().count(), r.recovered().count(), r.relisted().count()));
    }
}
