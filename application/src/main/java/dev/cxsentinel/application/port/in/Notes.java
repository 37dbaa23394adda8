package dev.cxsentinel.application.port.in;

import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.InvalidValueException;

/** Free-text notes: trimmed, bounded, no control characters but line breaks and tabs. */
final class Notes {
    private Notes() {
    }

    static String clean(String note) {
        if (note == null) {
            return "";
        }
        String cleaned = note.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (cleaned.length() > ActionRecord.MAX_NOTE_LENGTH) {
            throw new InvalidValueException("note", cleaned, "max-length", ActionRecord.MAX_NOTE_LENGTH);
        }
        return cleaned;
    }
}
