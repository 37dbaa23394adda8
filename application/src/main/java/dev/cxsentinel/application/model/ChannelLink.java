package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.util.Objects;

/** A Slack channel bound to a seller account, in a language. Alerts for the account go to every linked channel. */
public record ChannelLink(ChannelId channel, SellerAccountId account, Language language, SlackUserId linkedBy, Instant linkedAt) {
    public ChannelLink {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(linkedBy, "linkedBy");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
