package dev.cxsentinel.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.ListOffers;
import dev.cxsentinel.application.port.in.RecordRemedy;
import dev.cxsentinel.application.port.in.RelistOffer;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.port.in.ShowHome;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.application.port.in.SnoozeOffer;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.ExplanationRequiredException;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.Remedy;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
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
 * takes longer is answered "working on it" and finished through {@code response_url}.
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
    private final App app;
    private final RequestGuard guard;
    private volatile String workspace;

    @Inject
    public SlackBot(SlackClients clients, CommandRouter router, RelistOffer relistOffer, DisputeClosure disputeClosure,
                    RecordRemedy recordRemedy, SnoozeOffer snoozeOffer, ShowOffer showOffer, ShowHome showHome,
                    ResolveAccount resolveAccount, ReportUploads uploads) {
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
        this.guard = new RequestGuard(this::expectedWorkspace);
        this.app = build();
    }

    public App app() {
        return app;
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
        bolt.blockAction(AlertCard.RELIST, (req, ctx) -> act(req, ctx, false, t -> relistOffer.relist(
                new RelistOffer.RelistOfferCommand(t.actor(user(req)), t.query(), ""))));
        bolt.blockAction(AlertCard.REMEDY, (req, ctx) -> act(req, ctx, true, t -> recordRemedy.recordRemedy(
                new RecordRemedy.RecordRemedyCommand(t.actor(user(req)), t.query(), Remedy.fromKeyword(t.choice()).orElseThrow(), ""))));
        bolt.blockAction(AlertCard.SNOOZE, (req, ctx) -> act(req, ctx, true, t -> snoozeOffer.snooze(
                new SnoozeOffer.SnoozeOfferCommand(t.actor(user(req)), t.query(), SnoozeOffer.SnoozeOfferCommand.parseDuration(t.choice()), ""))));
        bolt.blockAction(AlertCard.DISPUTE, this::openDisputeModal);
        bolt.viewSubmission(DISPUTE_MODAL, this::submitDispute);
        bolt.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            String user = payload.getEvent().getUser();
            if ("home".equals(payload.getEvent().getTab())) {
                work.execute(() -> publishHome(user, null));
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
        bolt.event(com.slack.api.model.event.MessageEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageBotEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageChangedEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageDeletedEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageRepliedEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageThreadBroadcastEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageMeEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageChannelJoinEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageChannelLeaveEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageChannelTopicEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageChannelPurposeEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageChannelNameEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageEkmAccessDeniedEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageMetadataPostedEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageMetadataUpdatedEvent.class, (p, ctx) -> ctx.ack());
        bolt.event(com.slack.api.model.event.MessageMetadataDeletedEvent.class, (p, ctx) -> ctx.ack());
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
            return ctx.ack(toAck(reply.get(ACK_BUDGET_MS, TimeUnit.MILLISECONDS)));
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

    // ---- buttons ----

    interface TargetAction {
        Object run(ActionTarget target);
    }

    private static String user(BlockActionRequest req) {
        return req.getPayload().getUser().getId();
    }

    private Response act(BlockActionRequest req, ActionContext ctx, boolean select, TargetAction action) {
        BlockActionPayload.Action a = req.getPayload().getActions().get(0);
        String value = select ? (a.getSelectedOption() == null ? null : a.getSelectedOption().getValue()) : a.getValue();
        String user = user(req);
        boolean fromHome = req.getPayload().getView() != null && "home".equals(req.getPayload().getView().getType());
        ActionTarget parsed = target(value, select);
        if (parsed == null) {
            work.execute(() -> respond(ctx, Messages.get(Language.EN, "card.outdated")));
            return ctx.ack();
        }
        work.execute(() -> {
            ActionTarget target = parsed;
            Language l = language(target.channel());
            String answer;
            try {
                action.run(target);
                answer = ":white_check_mark: " + done(target, l);
            } catch (RuntimeException e) {
                answer = ErrorText.describe(e, l) + currentState(target, user, l);
            }
            if (fromHome) {
                publishHome(user, answer);
            } else {
                respond(ctx, answer);
            }
        });
        return ctx.ack();
    }

    /** The target a button names; null for a value of another shape (an old card, or not ours), logged safely. */
    private static ActionTarget target(String value, boolean select) {
        try {
            return ActionTarget.parse(value, select);
        } catch (RuntimeException e) {
            LOG.info("a button with an unknown value was pressed: {}", SlackText.forLog(value));
            return null;
        }
    }

    private static String done(ActionTarget t, Language l) {
        return Messages.get(l, "done.button", SlackText.code(t.offer().sku().value() + "@" + t.offer().marketplace().code()));
    }

    /** An outdated button answers with the offer's current state. */
    private String currentState(ActionTarget target, String user, Language l) {
        try {
            Offer offer = showOffer.show(new ShowOffer.ShowOfferCommand(target.actor(user), target.query())).offer();
            return "\n" + Messages.get(l, "current", OfferText.summary(offer, l));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void respond(ActionContext ctx, String text) {
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        } catch (Exception e) {
            LOG.warn("could not answer an action: {}", e.getMessage());
        }
    }

    private Language language(ChannelId channel) {
        return resolveAccount.linkOf(new Actor(SlackUserId.CONSOLE, channel)).map(ChannelLink::language).orElse(Language.EN);
    }

    // ---- dispute modal ----

    private Response openDisputeModal(BlockActionRequest req, ActionContext ctx) {
        String value = req.getPayload().getActions().get(0).getValue();
        String triggerId = req.getPayload().getTriggerId();
        ActionTarget target = target(value, false);
        if (target == null) {
            work.execute(() -> respond(ctx, Messages.get(Language.EN, "card.outdated")));
            return ctx.ack();
        }
        Language l = language(target.channel());
        Actor actor = target.actor(user(req));
        try {
            resolveAccount.requireOperator(actor, target.offer().account());
        } catch (RuntimeException denied) {
            work.execute(() -> respond(ctx, ErrorText.describe(denied, l)));
            return ctx.ack();
        }
        View modal = disputeModal(value, target, l);
        work.execute(() -> {
            try {
                var response = ctx.client().viewsOpen(r -> r.triggerId(triggerId).view(modal));
                if (!response.isOk()) {
                    LOG.warn("views.open failed: {}", response.getError());
                }
            } catch (Exception e) {
                LOG.warn("views.open failed: {}", e.getMessage());
            }
        });
        return ctx.ack();
    }

    static View disputeModal(String value, ActionTarget target, Language l) {
        List<OptionObject> reasons = new ArrayList<>();
        for (DisputeReason r : DisputeReason.values()) {
            reasons.add(option(plainText(Messages.get(l, "reason." + r.name())), r.keyword()));
        }
        String handle = SlackText.escape(target.offer().sku().value() + "@" + target.offer().marketplace().code());
        return view(v -> v.type("modal").callbackId(DISPUTE_MODAL).privateMetadata(value)
                .title(viewTitle(t -> t.type("plain_text").text(Messages.get(l, "modal.title"))))
                .submit(viewSubmit(t -> t.type("plain_text").text(Messages.get(l, "modal.submit"))))
                .close(viewClose(t -> t.type("plain_text").text(Messages.get(l, "cancel"))))
                .blocks(List.of(
                        section(s -> s.text(markdownText(Messages.get(l, "modal.intro", handle)))),
                        input(i -> i.blockId("reason").label(plainText(Messages.get(l, "modal.reason")))
                                .element(staticSelect(e -> e.actionId("reason").options(reasons)))),
                        input(i -> i.blockId("note").optional(true).label(plainText(Messages.get(l, "modal.note")))
                                .hint(plainText(Messages.get(l, "modal.note.hint")))
                                .element(plainTextInput(e -> e.actionId("note").multiline(true).maxLength(1000)))))));
    }

    private Response submitDispute(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        View view = req.getPayload().getView();
        ActionTarget target = target(view.getPrivateMetadata(), false);
        if (target == null) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason", SlackText.plain(Messages.get(Language.EN, "card.outdated")))));
        }
        Language l = language(target.channel());
        Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
        ViewState.Value reasonValue = values.getOrDefault("reason", Map.of()).get("reason");
        ViewState.Value noteValue = values.getOrDefault("note", Map.of()).get("note");
        DisputeReason reason = reasonValue == null || reasonValue.getSelectedOption() == null ? null
                : DisputeReason.fromKeyword(reasonValue.getSelectedOption().getValue()).orElse(null);
        String note = noteValue == null ? "" : noteValue.getValue();
        String user = req.getPayload().getUser().getId();
        try {
            disputeClosure.dispute(new DisputeClosure.DisputeClosureCommand(target.actor(user), target.query(), reason, note));
        } catch (ExplanationRequiredException e) {
            String block = reason == null ? "reason" : "note";
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of(block, SlackText.plain(ErrorText.describe(e, l)).replaceFirst("^:[a-z_]+: ", ""))));
        } catch (RuntimeException e) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason",
                    SlackText.plain(ErrorText.describe(e, l)).replaceFirst("^:[a-z_]+: ", ""))));
        }
        return ctx.ack();
    }

    // ---- App Home ----

    void publishHome(String user, String banner) {
        try {
            List<LayoutBlock> blocks = homeBlocks(showHome.home(new SlackUserId(user)), banner, Instant.now());
            var response = clients.methods().viewsPublish(r -> r.userId(user).view(view(v -> v.type("home").blocks(blocks))));
            if (!response.isOk()) {
                LOG.warn("views.publish failed: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("App Home not published: {}", e.toString());
        }
    }

    /** App Home holds at most 100 blocks (views' limit): one is kept for saying what was left out and where to see it. */
    static final int HOME_BLOCKS = 100;

    static List<LayoutBlock> homeBlocks(List<ListOffers.OfferList> accounts, String banner, Instant now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("CX Sentinel"))));
        if (banner != null) {
            blocks.add(section(s -> s.text(markdownText(banner))));
        }
        if (accounts.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Messages.get(Language.EN, "home.empty")))));
        }
        int room = HOME_BLOCKS - 1;
        long offersLeftOut = 0;
        int accountsLeftOut = 0;
        for (ListOffers.OfferList list : accounts) {
            Language l = list.link().language();
            if (blocks.size() + 2 > room) {
                accountsLeftOut++;
                offersLeftOut += list.page().total();
                continue;
            }
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(Messages.get(l, "home.account", list.link().account(),
                    list.link().channel().value(), list.page().total())))));
            if (list.page().items().isEmpty() && blocks.size() < room) {
                blocks.add(section(s -> s.text(markdownText(Messages.get(l, "home.none")))));
            }
            int shown = 0;
            for (Offer o : list.page().items()) {
                if (blocks.size() + 2 > room) {
                    break;
                }
                blocks.add(section(s -> s.text(markdownText(OfferText.listLine(o, l)))));
                blocks.add(actions(a -> a.blockId("home_" + blocks.size()).elements(AlertCard.buttons(list.link().channel(), o, l))));
                shown++;
            }
            offersLeftOut += list.page().total() - shown;
        }
        if (offersLeftOut > 0 || accountsLeftOut > 0) {
            String note = Messages.get(Language.EN, "home.more", offersLeftOut, accountsLeftOut);
            blocks.add(section(s -> s.text(markdownText(note))));
        }
        return blocks;
    }

    /** For tests and Socket Mode: the app's answer to one request. */
    public Response run(Request<?> request) throws Exception {
        return app.run(request);
    }
}
