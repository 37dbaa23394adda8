package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import java.util.Objects;

/** Erneut anbieten: record that the team relisted a closed offer. */
public interface RelistOffer {
    record RelistOfferCommand(Actor actor, OfferQuery offer, String note) {
        public RelistOfferCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
            note = Notes.clean(note);
        }
    }

    ActionResult relist(RelistOfferCommand command);
}
