package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.domain.Remedy;
import java.util.Objects;

/** Record a Maßnahme taken in Seller Central: detail page updated, removal or disposal order created. */
public interface RecordRemedy {
    record RecordRemedyCommand(Actor actor, OfferQuery offer, Remedy remedy, String note) {
        public RecordRemedyCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(remedy, "remedy");
            note = Notes.clean(note);
        }
    }

    ActionResult recordRemedy(RecordRemedyCommand command);
}
