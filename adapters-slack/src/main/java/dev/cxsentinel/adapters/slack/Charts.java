package dev.cxsentinel.adapters.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.cxsentinel.domain.Language;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Charts in Slack: {@code /cx trend}'s chart posted into the channel, and the card's Trend button posting it in the thread. */
final class Charts {
    private static final Logger LOG = LoggerFactory.getLogger(Charts.class);

    private final SlackClients clients;
    private final CommandRouter router;
    private final Executor work;

    Charts(SlackClients clients, CommandRouter router, Executor work) {
        this.clients = clients;
        this.router = router;
        this.work = work;
    }

    /** The card's Trend button: the same chart as {@code /cx trend}, posted in the card's thread. */
    Response trendButton(BlockActionRequest req, ActionContext ctx) {
        ActionTarget target = CardActions.target(req.getPayload().getActions().get(0).getValue(), false);
        String channel = req.getPayload().getChannel() == null ? null : req.getPayload().getChannel().getId();
        String thread = req.getPayload().getContainer() == null ? null : req.getPayload().getContainer().getMessageTs();
        if (target == null || channel == null) {
            work.execute(() -> CardActions.respond(ctx, Messages.get(Language.EN, "card.outdated")));
            return ctx.ack();
        }
        String user = CardActions.user(req);
        work.execute(() -> {
            Reply reply = router.handle(target.actor(user), "trend " + target.offer().sku().value() + "@" + target.offer().marketplace().code());
            if (reply.chart() == null) {
                CardActions.respond(ctx, reply.text());
            } else {
                post(channel, thread, reply);
            }
        });
        return ctx.ack();
    }

    /**
     * A chart goes into the channel (or a thread of it) as a file, through Slack's upload flow
     * (files.getUploadURLExternal, upload, files.completeUploadExternal; files.upload is retired).
     */
    void post(String channel, String thread, Reply reply) {
        try {
            var response = clients.methods().filesUploadV2(r -> r.channel(channel).threadTs(thread).fileData(reply.chart().png())
                    .filename(reply.chart().filename()).title(reply.chart().filename()));
            if (!response.isOk()) {
                LOG.warn("chart upload failed: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("chart upload failed: {}", SlackText.forLog(e.getMessage()));
        }
    }
}
