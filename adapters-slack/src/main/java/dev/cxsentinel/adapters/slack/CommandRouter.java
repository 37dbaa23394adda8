package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.application.port.in.ActionResult;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.LinkChannel;
import dev.cxsentinel.application.port.in.ListOffers;
import dev.cxsentinel.application.port.in.ManageOperators;
import dev.cxsentinel.application.port.in.OfferQuery;
import dev.cxsentinel.application.port.in.RecordRemedy;
import dev.cxsentinel.application.port.in.RelistOffer;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.port.in.ShowOffer;
import dev.cxsentinel.application.port.in.SnoozeOffer;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.Remedy;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@code /cx …} command and runs the matching use case. Free of the Slack SDK, so Slack (HTTP and
 * Socket Mode) and the local console share it. Every decision (may this user do this? is the offer closed?) is
 * the application's; the router only translates words into commands and results into replies.
 * One short method per subcommand: the class is the table of {@code /cx} commands, which is why it is longer
 * than most.
 */
@Singleton
public class CommandRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    static final int MAX_TEXT = 4000;
    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>|([UW][A-Z0-9]{2,20})");

    /** The subcommands, for the metrics' names. */
    private static final Set<String> SUBCOMMANDS = Set.of("help", "status", "list", "relist", "dispute",
            "remedy", "snooze", "link", "grant", "revoke", "trend");

    private final ShowOffer showOffer;
    private final ListOffers listOffers;
    private final RelistOffer relistOffer;
    private final DisputeClosure disputeClosure;
    private final RecordRemedy recordRemedy;
    private final SnoozeOffer snoozeOffer;
    private final LinkChannel linkChannel;
    private final ManageOperators manageOperators;
    private final ResolveAccount resolveAccount;
    private final Supplier<Instant> clock;
    private final Metrics metrics;

    @Inject
    public CommandRouter(ShowOffer showOffer, ListOffers listOffers, RelistOffer relistOffer, DisputeClosure disputeClosure,
                         RecordRemedy recordRemedy, SnoozeOffer snoozeOffer, LinkChannel linkChannel,
                         ManageOperators manageOperators, ResolveAccount resolveAccount, Metrics metrics,
                         dev.cxsentinel.application.port.out.Clock clock) {
        this.metrics = metrics;
        this.showOffer = showOffer;
        this.listOffers = listOffers;
        this.relistOffer = relistOffer;
        this.disputeClosure = disputeClosure;
        this.recordRemedy = recordRemedy;
        this.snoozeOffer = snoozeOffer;
        this.linkChannel = linkChannel;
        this.manageOperators = manageOperators;
        this.resolveAccount = resolveAccount;
        this.clock = clock::now;
    }

    /** The words of one command: the subcommand, its arguments, and the rest of the line as a note. */
    record Words(String[] tokens, String text) {
        static Words of(String text) {
            String clean = text == null ? "" : text.strip();
            return new Words(clean.isEmpty() ? new String[0] : clean.split("\\s+"), clean);
        }

        String arg(int i) {
            return i < tokens.length ? tokens[i] : null;
        }

        /** Everything after the first {@code n} words, spacing kept. */
        String restAfter(int n) {
            String rest = text;
            for (int i = 0; i < n && !rest.isEmpty(); i++) {
                rest = rest.strip();
                int space = indexOfWhitespace(rest);
                rest = space < 0 ? "" : rest.substring(space);
            }
            return rest.strip();
        }

        private static int indexOfWhitespace(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isWhitespace(s.charAt(i))) {
                    return i;
                }
            }
            return -1;
        }
    }

    public Reply handle(Actor actor, String text) {
        long start = System.nanoTime();
        try {
            return route(actor, text);
        } finally {
            String[] words = text == null ? new String[0] : text.strip().split("\\s+", 2);
            String name = words.length == 0 || words[0].isEmpty() ? "help" : words[0].toLowerCase(Locale.ROOT);
            metrics.command(SUBCOMMANDS.contains(name) ? name : "unknown", System.nanoTime() - start);
        }
    }

    private Reply route(Actor actor, String text) {
        Language language = Language.EN;
        try {
            language = resolveAccount.linkOf(actor).map(ChannelLink::language).orElse(Language.EN);
            if (text != null && text.length() > MAX_TEXT) {
                return Reply.privately(Messages.get(language, "usage.too.long", text.length(), MAX_TEXT));
            }
            Words w = Words.of(text);
            String sub = w.arg(0) == null ? "help" : w.arg(0).toLowerCase(Locale.ROOT);
            return switch (sub) {
                case "help", "hilfe" -> Reply.privately(Messages.get(language, "help"));
                case "status" -> status(actor, w, language);
                case "trend" -> trend(actor, w, language);
                case "list", "liste" -> list(actor, w, language);
                case "relist" -> relist(actor, w, language);
                case "dispute" -> dispute(actor, w, language);
                case "remedy" -> remedy(actor, w, language);
                case "snooze" -> snooze(actor, w, language);
                case "link" -> link(actor, w);
                case "grant" -> grant(actor, w, language, true);
                case "revoke" -> grant(actor, w, language, false);
                default -> usage(language, Messages.get(language, "usage.unknown", SlackText.code(SlackText.cut(w.arg(0), 40))), "/cx help");
            };
        } catch (RuntimeException e) {
            if (!ErrorText.isExpected(e)) {
                LOG.error("command failed: {}", e.toString(), e);
            }
            return Reply.privately(ErrorText.describe(e, language));
        }
    }

    private static Reply usage(Language l, String problem, String form) {
        return Reply.privately(Messages.get(l, "usage", problem, form));
    }

    private Reply status(Actor actor, Words w, Language l) {
        if (w.arg(1) == null) {
            return usage(l, Messages.get(l, "usage.status"), "/cx status <ASIN or SKU>[@MARKETPLACE]");
        }
        ShowOffer.OfferView view = showOffer.show(new ShowOffer.ShowOfferCommand(actor, OfferQuery.parse(w.arg(1))));
        return Reply.privately(OfferText.details(view, l, clock.get()));
    }

    /** {@code /cx trend <ASIN or SKU> [30d|90d|1y]}: the NCX rate over time as a chart posted into the channel. */
    private Reply trend(Actor actor, Words w, Language l) {
        String form = "/cx trend <ASIN or SKU> [30d|90d|1y]";
        if (w.arg(1) == null) {
            return usage(l, Messages.get(l, "usage.trend"), form);
        }
        java.time.Duration period;
        try {
            period = TrendChart.period(w.arg(2));
        } catch (IllegalArgumentException e) {
            return usage(l, Messages.get(l, "usage.trend"), form);
        }
        Offer offer = showOffer.show(new ShowOffer.ShowOfferCommand(actor, OfferQuery.parse(w.arg(1)))).offer();
        String handle = SlackText.code(OfferText.handle(offer));
        if (offer.trend().size() < 2) {
            return Reply.privately(Messages.get(l, "trend.none", handle));
        }
        byte[] png = TrendChart.png(offer, period, clock.get(), l);
        String file = "ncx-trend-" + OfferText.handle(offer).replaceAll("[^A-Za-z0-9@_-]", "_") + ".png";
        return Reply.withChart(Messages.get(l, "trend.posted", handle, period.toDays()), new Reply.Chart(png, file));
    }

    private Reply list(Actor actor, Words w, Language l) {
        AttentionFilter filter = AttentionFilter.ALL;
        int page = 1;
        for (int i = 1; i < w.tokens().length; i++) {
            String arg = w.arg(i);
            if (arg.matches("\\d{1,5}")) {
                page = Integer.parseInt(arg);
            } else {
                filter = AttentionFilter.parse(arg);
            }
        }
        ListOffers.OfferList result = listOffers.list(new ListOffers.ListOffersCommand(actor, filter, page));
        Page<Offer> p = result.page();
        String name = filter.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (p.total() == 0) {
            return Reply.privately(Messages.get(l, "list.empty", name));
        }
        long pages = Math.max(1, (p.total() + p.size() - 1) / p.size());
        StringBuilder b = new StringBuilder(Messages.get(l, "list.title", name, p.number(), pages)).append('\n');
        p.items().forEach(o -> b.append(OfferText.listLine(o, l)).append('\n'));
        if (p.hasMore()) {
            b.append(Messages.get(l, "list.more", name, p.number() + 1));
        }
        return Reply.privately(b.toString().stripTrailing());
    }

    private Reply relist(Actor actor, Words w, Language l) {
        if (w.arg(1) == null) {
            return usage(l, Messages.get(l, "usage.relist"), "/cx relist <ASIN or SKU> [note]");
        }
        ActionResult r = relistOffer.relist(new RelistOffer.RelistOfferCommand(actor, OfferQuery.parse(w.arg(1)), w.restAfter(2)));
        return Reply.toChannel(Messages.get(l, "done.relist", SlackText.mention(actor.user()),
                SlackText.code(OfferText.handle(r.offer())), note(r)));
    }

    private Reply dispute(Actor actor, Words w, Language l) {
        if (w.arg(1) == null || w.arg(2) == null) {
            return usage(l, Messages.get(l, "usage.dispute"), "/cx dispute <ASIN or SKU> <delivery|misunderstanding|fraud|other> [note]");
        }
        DisputeReason reason = DisputeReason.fromKeyword(w.arg(2)).orElse(null);
        if (reason == null) {
            return usage(l, Messages.get(l, "usage.dispute.reason", SlackText.code(SlackText.cut(w.arg(2), 40))),
                    "/cx dispute <ASIN or SKU> <delivery|misunderstanding|fraud|other> [note]");
        }
        ActionResult r = disputeClosure.dispute(new DisputeClosure.DisputeClosureCommand(actor, OfferQuery.parse(w.arg(1)), reason, w.restAfter(3)));
        return Reply.toChannel(Messages.get(l, "done.dispute", SlackText.mention(actor.user()),
                SlackText.code(OfferText.handle(r.offer())), Messages.label(reason, l), note(r)));
    }

    private Reply remedy(Actor actor, Words w, Language l) {
        String form = "/cx remedy <ASIN or SKU> <detail-page|removal|disposal> [note]";
        if (w.arg(1) == null || w.arg(2) == null) {
            return usage(l, Messages.get(l, "usage.remedy"), form);
        }
        Remedy remedy = Remedy.fromKeyword(w.arg(2)).orElse(null);
        if (remedy == null) {
            return usage(l, Messages.get(l, "usage.remedy.unknown", SlackText.code(SlackText.cut(w.arg(2), 40))), form);
        }
        ActionResult r = recordRemedy.recordRemedy(new RecordRemedy.RecordRemedyCommand(actor, OfferQuery.parse(w.arg(1)), remedy, w.restAfter(3)));
        return Reply.toChannel(Messages.get(l, "done.remedy", Messages.label(remedy, l),
                SlackText.code(OfferText.handle(r.offer())), SlackText.mention(actor.user()), note(r)));
    }

    private Reply snooze(Actor actor, Words w, Language l) {
        String form = "/cx snooze <ASIN or SKU> <duration: 2h, 3d, 1w>";
        if (w.arg(1) == null || w.arg(2) == null) {
            return usage(l, Messages.get(l, "usage.snooze"), form);
        }
        ActionResult r = snoozeOffer.snooze(new SnoozeOffer.SnoozeOfferCommand(actor, OfferQuery.parse(w.arg(1)),
                SnoozeOffer.SnoozeOfferCommand.parseDuration(w.arg(2)), w.restAfter(3)));
        return Reply.toChannel(Messages.get(l, "done.snooze", SlackText.mention(actor.user()),
                SlackText.code(OfferText.handle(r.offer())), SlackText.time(r.action().until()), note(r)));
    }

    private static String note(ActionResult r) {
        return r.action().note().isEmpty() ? "" : ": " + SlackText.quote(r.action().note(), 300);
    }

    /** {@code /cx link ACCOUNT [en|de] [MARKETPLACE]}; language and marketplace in either order. */
    private Reply link(Actor actor, Words w) {
        if (w.arg(1) == null) {
            return usage(Language.EN, Messages.get(Language.EN, "usage.link"), "/cx link <ACCOUNT> [en|de] [MARKETPLACE]");
        }
        Language language = Language.EN;
        Marketplace marketplace = null;
        for (int i = 2; i < Math.min(4, w.tokens().length); i++) {
            String arg = w.arg(i);
            if (arg.equalsIgnoreCase("en") || arg.equalsIgnoreCase("de")) {
                language = Language.parse(arg);
            } else {
                marketplace = Marketplace.parse(arg);
            }
        }
        ChannelLink link = linkChannel.link(new LinkChannel.LinkChannelCommand(actor, SellerAccountId.of(w.arg(1)), language, marketplace));
        String text = Messages.get(link.language(), "done.link", link.account(), link.language().name().toLowerCase(Locale.ROOT));
        if (link.defaultMarketplace() != null) {
            text += " " + Messages.get(link.language(), "done.link.marketplace", link.defaultMarketplace().code());
        }
        return Reply.toChannel(text);
    }

    private Reply grant(Actor actor, Words w, Language l, boolean grant) {
        String form = "/cx " + (grant ? "grant" : "revoke") + " @user";
        String arg = w.arg(1);
        if (arg == null) {
            return usage(l, Messages.get(l, "usage.user"), form);
        }
        Matcher m = USER.matcher(arg);
        if (!m.matches()) {
            return usage(l, Messages.get(l, "usage.user.unknown", SlackText.code(SlackText.cut(arg, 40))), form);
        }
        SlackUserId user = new SlackUserId(m.group(1) != null ? m.group(1) : m.group(2));
        ManageOperators.OperatorCommand command = new ManageOperators.OperatorCommand(actor, user);
        ManageOperators.OperatorChange change = grant ? manageOperators.grant(command) : manageOperators.revoke(command);
        String key = grant ? (change.changed() ? "done.grant" : "done.grant.already") : (change.changed() ? "done.revoke" : "done.revoke.none");
        return Reply.toChannel(Messages.get(l, key, SlackText.mention(user), change.account()));
    }

    /** Exposed for the alert card's snooze choices. */
    static List<String> snoozeChoices() {
        return List.of("1d", "3d", "1w");
    }
}
