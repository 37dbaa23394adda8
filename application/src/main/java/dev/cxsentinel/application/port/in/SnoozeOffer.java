package dev.cxsentinel.application.port.in;

import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.domain.InvalidValueException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mute an offer's alerts (all but closures) for a while. */
public interface SnoozeOffer {
    record SnoozeOfferCommand(Actor actor, OfferQuery offer, Duration duration, String note) {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*([mhdw])");

        public SnoozeOfferCommand {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(offer, "offer");
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new InvalidValueException("duration", String.valueOf(duration), "snooze-duration");
            }
            note = Notes.clean(note);
        }

        /** {@code 30m}, {@code 2h}, {@code 3d}, {@code 1w}. */
        public static Duration parseDuration(String text) {
            Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new InvalidValueException("duration", String.valueOf(text), "snooze-duration");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
    }

    ActionResult snooze(SnoozeOfferCommand command);
}
