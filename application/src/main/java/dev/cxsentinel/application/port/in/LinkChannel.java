package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.Objects;

/** Bind the actor's channel to a seller account, a language and optionally a default marketplace (admins only). */
public interface LinkChannel {
    record LinkChannelCommand(Actor actor, SellerAccountId account, Language language, Marketplace defaultMarketplace) {
        public LinkChannelCommand(Actor actor, SellerAccountId account, Language language) {
            this(actor, account, language, null);
        }

        public LinkChannelCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(account, "account");
            language = language == null ? Language.EN : language;
        }
    }

    ChannelLink link(LinkChannelCommand command);
}
