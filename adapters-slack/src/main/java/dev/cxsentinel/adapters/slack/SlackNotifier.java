package dev.cxsentinel.adapters.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.LayoutBlock;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.EventType;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.application.port.out.Clock;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.domain.Offer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications with the Web API: an ALERT posts the card; a FOLLOW_UP posts its line into the card's
 * thread and refreshes the card in place ({@code chat.update}) so the channel reads at a glance. Slack's answers
 * become the dispatcher's three outcomes: sent, retry later (429 with Retry-After, 5xx, timeouts, network), or
 * failed for good (channel_not_found, not_in_channel, invalid_auth, …).
 */
@Singleton
public class SlackNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
    static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org", "timeout");

    private final SlackClients clients;
    private final Clock clock;

    @Inject
    public SlackNotifier(SlackClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public Result send(Notification n, Offer offer, String threadTs) {
        MethodsClient methods = clients.methods();
        if (n.kind() == Notification.Kind.ALERT) {
            List<LayoutBlock> blocks = AlertCard.card(n, offer, clock.now());
            return call(() -> methods.chatPostMessage(r -> r.channel(n.channel().value())
                    .text(AlertCard.fallback(n, offer, n.language())).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        }
        String text = AlertCard.followUpText(n, offer, clients.settings().escalationMention());
        boolean broadcast = n.event() == EventType.REMINDER || n.event() == EventType.STILL_CLOSED_AFTER_RELIST;
        Result posted = call(() -> methods.chatPostMessage(r -> {
            r.channel(n.channel().value()).text(text).unfurlLinks(false).unfurlMedia(false);
            if (threadTs != null) {
                r.threadTs(threadTs).replyBroadcast(broadcast);
            }
            return r;
        }));
        if (posted instanceof Result.Sent && threadTs != null) {
            refreshCard(n, offer, threadTs);
        }
        return posted;
    }

    /** Best effort: the thread line is what is owed; a stale card is corrected by the next follow-up. */
    private void refreshCard(Notification n, Offer offer, String threadTs) {
        Result updated = call(() -> clients.methods().chatUpdate(r -> r.channel(n.channel().value()).ts(threadTs)
                .text(AlertCard.fallback(n, offer, n.language())).blocks(AlertCard.card(n, offer, clock.now()))));
        if (!(updated instanceof Result.Sent)) {
            LOG.warn("card {} in {} not refreshed: {}", threadTs, n.channel(), updated);
        }
    }

    /**
     * Between the parts of a digest too long for one message: Slack allows about one message a second in a channel,
     * and parts sent back to back met a 429 each (4 of a 5-part digest, BENCHMARKS.md §4).
     */
    static final Duration BETWEEN_PARTS = Duration.ofSeconds(1);

    @Override
    public Result sendDigest(Digest digest) {
        String first = null;
        for (List<LayoutBlock> blocks : AlertCard.digest(digest)) {
            if (first != null) {
                sleep(BETWEEN_PARTS);
            }
            Result result = sendWithPatience(() -> clients.methods().chatPostMessage(r -> r.channel(digest.channel().value())
                    .text(SlackText.plain(Messages.get(digest.language(), "digest.title"))).blocks(blocks)));
            if (!(result instanceof Result.Sent sent)) {
                return result;
            }
            first = first == null ? sent.messageTs() : first;
        }
        return new Result.Sent(first);
    }

    /**
     * The review's message, then its chart in the channel through Slack's upload flow. The message is what is owed:
     * once it is posted the review counts as sent, and a chart that cannot be uploaded after a short wait is logged.
     */
    @Override
    public Result sendReview(WeeklyReview review) {
        Result posted = call(() -> clients.methods().chatPostMessage(r -> r.channel(review.channel().value())
                .text(ReviewMessage.fallback(review)).blocks(ReviewMessage.blocks(review)).unfurlLinks(false).unfurlMedia(false)));
        if (posted instanceof Result.Sent) {
            byte[] png = ReviewChart.png(review);
            String title = SlackText.plain(Messages.get(review.language(), "review.chart.title"));
            Result chart = sendWithPatience(() -> clients.methods().filesUploadV2(r -> r.channel(review.channel().value())
                    .fileData(png).filename(ReviewChart.filename(review)).title(title)));
            if (!(chart instanceof Result.Sent)) {
                LOG.warn("chart of weekly review {} not uploaded: {}", review.id(), chart);
            }
        }
        return posted;
    }

    /** For the later parts of a multi-message digest, waits out a short rate limit rather than repeat earlier parts. */
    private Result sendWithPatience(SlackCall call) {
        Result result = call(call);
        for (int i = 0; i < 3 && result instanceof Result.RetryLater r && r.rateLimited()
                && r.retryAfter().compareTo(Duration.ofSeconds(30)) <= 0; i++) {
            sleep(r.retryAfter());
            result = call(call);
        }
        return result;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface SlackCall {
        SlackApiTextResponse call() throws IOException, SlackApiException;
    }

    static Result call(SlackCall call) {
        try {
            SlackApiTextResponse response = call.call();
            if (response.isOk()) {
                String ts = response instanceof ChatPostMessageResponse post ? post.getTs() : null;
                return new Result.Sent(ts);
            }
            String error = response.getError();
            if (TRANSIENT.contains(error)) {
                return new Result.RetryLater(Duration.ZERO, "Slack answered " + error, false);
            }
            return new Result.Failed(error + (response.getNeeded() == null ? "" : " (needs scope " + response.getNeeded() + ")"));
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new Result.RetryLater(retryAfter(e.getResponse().header("Retry-After")), "HTTP 429 rate limited", true);
            }
            if (status >= 500 || status == 408) {
                return new Result.RetryLater(Duration.ZERO, "HTTP " + status + " from Slack", false);
            }
            return new Result.Failed("HTTP " + status + " from Slack");
        } catch (IOException e) {
            return new Result.RetryLater(Duration.ZERO, "network: " + e.getClass().getSimpleName() + " " + e.getMessage(), false);
        }
    }

    static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(30);
        }
    }
}
