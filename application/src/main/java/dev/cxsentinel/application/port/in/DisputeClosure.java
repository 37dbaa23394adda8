package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.domain.DisputeReason;
import dev.cxsentinel.domain.ExplanationRequiredException;
import java.util.Objects;

/** Widerspruch gegen die Schließung: contest a closure with a reason and relist at once. */
public interface DisputeClosure {
    record DisputeClosureCommand(Actor actor, OfferQuery offer, DisputeReason reason, String note) {
        public DisputeClosureCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
            if (reason == null) {
                throw new ExplanationRequiredException(ExplanationRequiredException.Missing.REASON);
            }
            note = Notes.clean(note);
            if (reason == DisputeReason.OTHER && note.isEmpty()) {
                throw new ExplanationRequiredException(ExplanationRequiredException.Missing.NOTE);
            }
        }
    }

    ActionResult dispute(DisputeClosureCommand command);
}
