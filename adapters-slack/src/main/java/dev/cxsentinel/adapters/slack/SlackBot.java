package dev.cxsentinel.adapters.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageChannelJoinEvent;
import com.slack.api.model.event.MessageChannelLeaveEvent;
import com.slack.api.model.event.MessageChannelNameEvent;
import com.slack.api.model.event.MessageChannelPurposeEvent;
import com.slack.api.model.event.MessageChannelTopicEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEkmAccessDeniedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageMeEvent;
import com.slack.api.model.event.MessageMetadataDeletedEvent;
import com.slack.api.model.event.MessageMetadataPostedEvent;
import com.slack.api.model.event.MessageMetadataUpdatedEvent;
import com.slack.api.model.event.MessageRepliedEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.RecordRemedy;
import dev.cxsentinel.application.port.in.RelistOffer;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.port.in.ShowHome;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.application.port.in.SnoozeOffer;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Remedy;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /cx} commands, the alert card's buttons, the dispute modal, App Home and report uploads.
 * Shared by HTTP mode and Socket Mode. Every request is acknowledged within Slack's 3 seconds: a command that
 * takes longer is answered "working on it" and finished through {@code response_url}. Its length is the table of
 * Bolt handlers; what each does lives in {@link CardActions}, {@link DisputeForm}, {@link AppHome},
 * {@link ReportUploads} and {@link Charts}.
 */
@Singleton
public class SlackBot {
    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    public static final String DISPUTE_MODAL = "cx_dispute_modal";
    static final long ACK_BUDGET_MS = 2500;

    private final SlackClients clients;
    private final CommandRouter router;
    private final RelistOffer relistOffer;
    private final DisputeClosure disputeClosure;
    private final RecordRemedy recordRemedy;
    private final SnoozeOffer snoozeOffer;
    private final ShowOffer showOffer;
    private final ShowHome showHome;
    private final ResolveAccount resolveAccount;
    private final ReportUploads uploads;
    private final ExecutorService work = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "cx-slack-work");
        t.setDaemon(true);
        return t;
    });
    private volatile App app;
    private final RequestGuard guard;
    private final DisputeForm disputeForm;
    private final AppHome home;
    private final CardActions cards;
    private final Charts charts;
    private volatile String workspace;

    @Inject
    public SlackBot(SlackClients clients, CommandRouter router, RelistOffer relistOffer, DisputeClosure disputeClosure,
                    RecordRemedy recordRemedy, SnoozeOffer snoozeOffer, ShowOffer showOffer, ShowHome showHome,
                    ResolveAccount resolveAccount, ReportUploads uploads, dev.cxsentinel.application.port.out.Clock clock) {
        this.clients = clients;
        this.router = router;
        this.relistOffer = relistOffer;
        this.disputeClosure = disputeClosure;
        this.recordRemedy = recordRemedy;
        this.snoozeOffer = snoozeOffer;
        this.showOffer = showOffer;
        this.showHome = showHome;
        this.resolveAccount = resolveAccount;
        this.uploads = uploads;
        this.workspace = clients.settings().teamId();
        this.guard = new RequestGuard(this::expectedWorkspace, this::answerThroughResponseUrl);
        this.disputeForm = new DisputeForm(disputeClosure, resolveAccount, work);
        this.home = new AppHome(clients, showHome, clock);
        this.cards = new CardActions(showOffer, resolveAccount, home, work);
        this.charts = new Charts(clients, router, work);
    }

    /** The Bolt app, built on first use: constructing this class talks to nobody. */
    public App app() {
        App built = app;
        if (built == null) {
            synchronized (this) {
                if (app == null) {
                    app = build();
                }
                built = app;
            }
        }
        return built;
    }

    public void stop() {
        work.shutdown();
        try {
            work.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private App build() {
        SlackSettings s = clients.settings();
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(s.botToken())
                .signingSecret(s.httpMode() ? s.signingSecret() : "socket-mode-only")
                .slack(clients.slack())
                .build();
        config.setRequestVerificationEnabled(s.httpMode());
        App bolt = new App(config);
        bolt.use(guard::apply);
        bolt.command("/cx", this::command);
        bolt.blockAction(AlertCard.RELIST, (req, ctx) -> cards.act(req, ctx, false, t -> relistOffer.relist(
                new RelistOffer.RelistOfferCommand(t.actor(CardActions.user(req)), t.query(), ""))));
        bolt.blockAction(AlertCard.REMEDY, (req, ctx) -> cards.act(req, ctx, true, t -> recordRemedy.recordRemedy(
                new RecordRemedy.RecordRemedyCommand(t.actor(CardActions.user(req)), t.query(), Remedy.fromKeyword(t.choice()).orElseThrow(), ""))));
        bolt.blockAction(AlertCard.SNOOZE, (req, ctx) -> cards.act(req, ctx, true, t -> snoozeOffer.snooze(
                new SnoozeOffer.SnoozeOfferCommand(t.actor(CardActions.user(req)), t.query(), SnoozeOffer.SnoozeOfferCommand.parseDuration(t.choice()), ""))));
        bolt.blockAction(AlertCard.DISPUTE, disputeForm::open);
        bolt.blockAction(AlertCard.TREND, charts::trendButton);
        bolt.viewSubmission(DISPUTE_MODAL, disputeForm::submit);
        bolt.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            String user = payload.getEvent().getUser();
            if ("home".equals(payload.getEvent().getTab())) {
                work.execute(() -> home.publish(user, null));
            }
            return ctx.ack();
        });
        ignoreMessagesWithoutFiles(bolt);
        bolt.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent event = payload.getEvent();
            work.execute(() -> uploads.handle(event));
            return ctx.ack();
        });
        return bolt;
    }

    /**
     * Messages other than file uploads (plain messages, thread replies, the {@code message_changed} Slack sends for
     * each of our {@code chat.update}, deletions, bot messages, DMs) are acknowledged and ignored, without a log line.
     */
    private static void ignoreMessagesWithoutFiles(App bolt) {
        for (Class<? extends Event> type : List.of(
                MessageEvent.class,
                MessageBotEvent.class,
                MessageChangedEvent.class,
                MessageDeletedEvent.class,
                MessageRepliedEvent.class,
                MessageThreadBroadcastEvent.class,
                MessageMeEvent.class,
                MessageChannelJoinEvent.class,
                MessageChannelLeaveEvent.class,
                MessageChannelTopicEvent.class,
                MessageChannelPurposeEvent.class,
                MessageChannelNameEvent.class,
                MessageEkmAccessDeniedEvent.class,
                MessageMetadataPostedEvent.class,
                MessageMetadataUpdatedEvent.class,
                MessageMetadataDeletedEvent.class)) {
            acknowledgeOnly(bolt, type);
        }
    }

    private static <E extends Event> void acknowledgeOnly(App bolt, Class<E> type) {
        bolt.event(type, (p, ctx) -> ctx.ack());
    }

    /** An ephemeral answer to a click, posted to its response_url (only Slack's hooks host or the configured API host). */
    private void answerThroughResponseUrl(String responseUrl, String text) {
        okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(responseUrl);
        okhttp3.HttpUrl api = okhttp3.HttpUrl.parse(clients.settings().apiUrl());
        boolean slackHost = url != null && ("hooks.slack.com".equals(url.host()) || "hooks.slack-gov.com".equals(url.host())
                || (api != null && api.host().equals(url.host()) && api.port() == url.port()));
        if (!slackHost) {
            LOG.info("not answering a response_url off Slack's hooks host");
            return;
        }
        work.execute(() -> {
            try {
                clients.slack().getHttpClient().postJsonBody(responseUrl,
                        Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
            } catch (Exception e) {
                LOG.warn("could not answer a click from another workspace: {}", SlackText.forLog(e.getMessage()));
            }
        });
    }

    private String expectedWorkspace() {
        if (workspace == null) {
            try {
                workspace = clients.methods().authTest(r -> r).getTeamId();
            } catch (Exception e) {
                LOG.warn("auth.test failed; the workspace check waits for it: {}", e.getMessage());
            }
        }
        return workspace;
    }

    // ---- /cx ----

    private Response command(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Future<Reply> reply = work.submit(() -> {
            Actor actor;
            try {
                actor = new Actor(new SlackUserId(p.getUserId()), new ChannelId(p.getChannelId()));
            } catch (RuntimeException e) {
                return Reply.privately(Messages.get(Language.EN, "usage.no.actor"));
            }
            return router.handle(actor, SlackText.decode(p.getText()));
        });
        try {
            Reply answer = reply.get(ACK_BUDGET_MS, TimeUnit.MILLISECONDS);
            if (answer.chart() != null) {
                work.execute(() -> charts.post(p.getChannelId(), null, answer));
            }
            return ctx.ack(toAck(answer));
        } catch (TimeoutException slow) {
            work.execute(() -> respondLater(ctx, reply));
            return ctx.ack(Messages.get(Language.EN, "working"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack(Messages.get(Language.EN, "error.generic"));
        } catch (ExecutionException e) {
            LOG.error("command failed", e.getCause());
            return ctx.ack(Messages.get(Language.EN, "error.generic"));
        }
    }

    private static void respondLater(SlashCommandContext ctx, Future<Reply> reply) {
        try {
            ctx.respond(toAck(reply.get()));
        } catch (Exception e) {
            LOG.error("late reply failed", e);
        }
    }

    static com.slack.api.app_backend.slash_commands.response.SlashCommandResponse toAck(Reply reply) {
        return com.slack.api.app_backend.slash_commands.response.SlashCommandResponse.builder()
                .responseType(reply.announce() ? "in_channel" : "ephemeral")
                .text(reply.text().lines().findFirst().orElse(""))
                .blocks(sections(reply.text()))
                .build();
    }

    /** Mrkdwn split into sections of at most 3000 characters, at line breaks. */
    static List<LayoutBlock> sections(String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String piece = SlackText.cut(line, SlackText.SECTION_LIMIT);
            if (current.length() + piece.length() + 1 > SlackText.SECTION_LIMIT) {
                String done = current.toString();
                blocks.add(section(s -> s.text(markdownText(done))));
                current.setLength(0);
            }
            current.append(piece).append('\n');
        }
        String rest = current.toString().stripTrailing();
        if (!rest.isEmpty() && blocks.size() < AlertCard.MAX_BLOCKS) {
            blocks.add(section(s -> s.text(markdownText(rest))));
        }
        return blocks;
    }

    /** For tests and Socket Mode: the app's answer to one request. */
    public Response run(Request<?> request) throws Exception {
        return app().run(request);
    }
}
