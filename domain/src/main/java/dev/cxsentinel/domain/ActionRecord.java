package dev.cxsentinel.domain;

import java.time.Instant;

/**
 * One entry of an offer's action history: who, when, what, and the note given. Entries are only ever appended.
 * {@code reason} is set for a dispute, {@code remedy} for a recorded remedy, {@code until} for a snooze.
 */
public record ActionRecord(ActionType type, SlackUserId actor, Instant at, String note,
                           DisputeReason reason, Remedy remedy, Instant until) {
    public static final int MAX_NOTE_LENGTH = 1000;

    public ActionRecord {
        if (type == null || actor == null || at == null) {
            throw new InvalidValueException("action", type + " by " + actor + " at " + at, "action");
        }
        note = note == null ? "" : note.strip();
        if (note.length() > MAX_NOTE_LENGTH) {
            throw new InvalidValueException("note", note, "max-length", MAX_NOTE_LENGTH);
        }
        if ((type == ActionType.DISPUTED) != (reason != null)) {
            throw new InvalidValueException("dispute-reason", String.valueOf(reason), "only-for-dispute");
        }
        if ((type == ActionType.REMEDY_RECORDED) != (remedy != null)) {
            throw new InvalidValueException("remedy", String.valueOf(remedy), "only-for-remedy");
        }
        if ((type == ActionType.SNOOZED) != (until != null)) {
            throw new InvalidValueException("snooze-end", String.valueOf(until), "only-for-snooze");
        }
    }
}
