package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A Slack channel bound to a seller account, in a language. Alerts for the account go to every linked channel.
 * {@code defaultMarketplace} (may be null) is the marketplace of uploads whose files have no marketplace column.
 */
public record ChannelLink(ChannelId channel, SellerAccountId account, Language language, SlackUserId linkedBy, Instant linkedAt,
                          Marketplace defaultMarketplace) {
    public ChannelLink(ChannelId channel, SellerAccountId account, Language language, SlackUserId linkedBy, Instant linkedAt) {
        this(channel, account, language, linkedBy, linkedAt, null);
    }

    public ChannelLink {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(linkedBy, "linkedBy");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }
}
