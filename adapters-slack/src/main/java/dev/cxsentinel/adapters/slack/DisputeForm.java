package dev.cxsentinel.adapters.slack;

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

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.port.in.DisputeClosure;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.ExplanationRequiredException;
import dev.cxsentinel.domain.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispute form behind a card's Dispute button: opened only for a user who may act (the role is checked
 * first), validated in place (a reason; "other" needs a note), submitted to the DisputeClosure use case.
 */
final class DisputeForm {
    private static final Logger LOG = LoggerFactory.getLogger(DisputeForm.class);

    private final DisputeClosure disputeClosure;
    private final ResolveAccount resolveAccount;
    private final Executor work;

    DisputeForm(DisputeClosure disputeClosure, ResolveAccount resolveAccount, Executor work) {
        this.disputeClosure = disputeClosure;
        this.resolveAccount = resolveAccount;
        this.work = work;
    }

    Response open(BlockActionRequest req, ActionContext ctx) {
        String value = req.getPayload().getActions().get(0).getValue();
        String triggerId = req.getPayload().getTriggerId();
        ActionTarget target = CardActions.target(value, false);
        if (target == null) {
            work.execute(() -> CardActions.respond(ctx, Messages.get(Language.EN, "card.outdated")));
            return ctx.ack();
        }
        Language l = CardActions.language(resolveAccount, target.channel());
        Actor actor = target.actor(CardActions.user(req));
        try {
            resolveAccount.requireOperator(actor, target.offer().account());
        } catch (RuntimeException denied) {
            work.execute(() -> CardActions.respond(ctx, ErrorText.describe(denied, l)));
            return ctx.ack();
        }
        View modal = modal(value, target, l);
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

    static View modal(String value, ActionTarget target, Language l) {
        List<OptionObject> reasons = new ArrayList<>();
        for (DisputeReason r : DisputeReason.values()) {
            reasons.add(option(plainText(Messages.get(l, "reason." + r.name())), r.keyword()));
        }
        String handle = SlackText.escape(target.offer().sku().value() + "@" + target.offer().marketplace().code());
        return view(v -> v.type("modal").callbackId(SlackBot.DISPUTE_MODAL).privateMetadata(value)
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

    Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        View view = req.getPayload().getView();
        ActionTarget target = CardActions.target(view.getPrivateMetadata(), false);
        if (target == null) {
            return ctx.ack(r -> r.responseAction("errors").errors(Map.of("reason", SlackText.plain(Messages.get(Language.EN, "card.outdated")))));
        }
        Language l = CardActions.language(resolveAccount, target.channel());
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
}
