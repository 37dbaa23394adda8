package dev.cxsentinel.application.port.in;

import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.Offer;

/** The offer after an action, and the recorded action. */
public record ActionResult(Offer offer, ActionRecord action) {
}
