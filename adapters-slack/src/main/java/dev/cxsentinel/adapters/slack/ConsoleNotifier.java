package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferStatus;
import dev.cxsentinel.domain.Remedy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The console's "Slack": prints alert cards, thread follow-ups and digests as readable text, with the same
 * content as in Slack and the command to type instead of each button.
 */
public final class ConsoleNotifier implements Notifier {
    private final PrintStream out;
    private final AtomicLong ts = new AtomicLong();

    public ConsoleNotifier(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized Result send(Notification n, Offer o, String threadTs) {
        Language l = n.language();
        StringBuilder b = new StringBuilder();
        if (n.kind() == Notification.Kind.ALERT) {
            b.append("\n┌─ ").append(SlackText.console(AlertCard.title(n, o, l))).append('\n');
            line(b, OfferText.headline(o));
            line(b, Messages.get(l, "field.health") + ": " + AlertCard.healthChange(n, o, l) + " · NCX " + OfferText.ncx(o, l)
                    + " · " + OfferText.status(o, l) + " · " + Messages.label(o.channel(), l));
            if (o.topReason() != null) {
                line(b, Messages.get(l, "field.reason") + ": " + o.topReason());
            }
            if (!o.comments().isEmpty()) {
                line(b, Messages.get(l, "comments"));
                line(b, OfferText.comments(o.comments(), l));
            }
            if (!o.advice().isEmpty()) {
                line(b, Messages.get(l, "advice"));
                line(b, OfferText.advice(o.advice(), l));
            }
            if (o.status() != OfferStatus.ACTIVE) {
                line(b, Messages.get(l, "no.account.health"));
            }
            line(b, OfferText.vocLink(o, l));
            String handle = OfferText.handle(o);
            String remedies = Arrays.stream(Remedy.values())
                    .filter(r -> r.isAllowedFor(o.channel())).map(Remedy::keyword)
                    .collect(Collectors.joining("|"));
            line(b, "Act: " + (o.status() == OfferStatus.CLOSED ? "/cx relist " + handle + " [note] · /cx dispute " + handle
                    + " <delivery|misunderstanding|fraud|other> [note] · " : "") + "/cx remedy " + handle
                    + " <" + remedies + "> · /cx snooze " + handle + " 3d");
            b.append("└─\n");
        } else {
            b.append("  ↳ [").append(OfferText.handle(o)).append("] ")
                    .append(SlackText.console(AlertCard.followUpText(n, o, "@here"))).append('\n');
        }
        out.print(b);
        out.flush();
        return new Result.Sent("console." + ts.incrementAndGet());
    }

    private static void line(StringBuilder b, String mrkdwn) {
        for (String l : SlackText.console(mrkdwn).split("\n")) {
            b.append("│ ").append(l).append('\n');
        }
    }

    @Override
    public synchronized Result sendDigest(Digest digest) {
        StringBuilder b = new StringBuilder("\n").append(SlackText.console(Messages.get(digest.language(), "digest.title"))).append('\n');
        digest.lines().forEach(line -> b.append(SlackText.console(AlertCard.digestLine(line, digest.language()))).append('\n'));
        if (digest.more() > 0) {
            b.append(SlackText.console(Messages.get(digest.language(), "digest.more", digest.more()))).append('\n');
        }
        out.print(b);
        out.flush();
        return new Result.Sent("console." + ts.incrementAndGet());
    }

    /** The review as text; the chart is written next to the console's working directory and its path printed. */
    @Override
    public synchronized Result sendReview(WeeklyReview review) {
        StringBuilder b = new StringBuilder("\n").append(SlackText.console(ReviewMessage.title(review))).append('\n');
        ReviewMessage.lines(review).forEach(line -> b.append(SlackText.console(line)).append('\n'));
        try {
            Path chart = Path.of(ReviewChart.filename(review)).toAbsolutePath();
            Files.write(chart, ReviewChart.png(review));
            b.append("  ↳ chart written to ").append(chart).append('\n');
        } catch (IOException e) {
            b.append("(chart not written: ").append(e.getMessage()).append(")\n");
        }
        out.print(b);
        out.flush();
        return new Result.Sent("console." + ts.incrementAndGet());
    }
}
