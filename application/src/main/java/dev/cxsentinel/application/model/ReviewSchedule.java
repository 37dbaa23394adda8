package dev.cxsentinel.application.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * When each linked channel gets its weekly review: a day and a time, in {@code zone} when one is configured,
 * otherwise in the local time of the channel's marketplace (UTC for a channel without one).
 *
 * <p>A review is due from its slot for {@link #CATCH_UP}: an instance that was down at the slot sends it when it
 * comes back the same day, but a review days late is not started (the next week's comes on time).
 */
public record ReviewSchedule(boolean enabled, DayOfWeek day, LocalTime time, ZoneId zone) {
    public static final ReviewSchedule DEFAULT = new ReviewSchedule(true, DayOfWeek.MONDAY, LocalTime.of(9, 0), null);
    public static final ReviewSchedule OFF = new ReviewSchedule(false, DayOfWeek.MONDAY, LocalTime.of(9, 0), null);
    public static final Duration CATCH_UP = Duration.ofHours(24);

    public ReviewSchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
    }

    public ZoneId zoneFor(ChannelLink link) {
        if (zone != null) {
            return zone;
        }
        return link.defaultMarketplace() == null ? ZoneOffset.UTC : link.defaultMarketplace().zone();
    }

    /** The latest slot at or before {@code now} in {@code zoneId}. */
    public ZonedDateTime lastSlot(Instant now, ZoneId zoneId) {
        ZonedDateTime local = now.atZone(zoneId);
        ZonedDateTime slot = local.with(TemporalAdjusters.previousOrSame(day)).with(time).truncatedTo(ChronoUnit.MINUTES);
        return slot.isAfter(local) ? slot.minusWeeks(1) : slot;
    }

    /** The slot a review may still be started for at {@code now}: the last one, if it passed less than {@link #CATCH_UP} ago. */
    public Optional<ZonedDateTime> startable(Instant now, ZoneId zoneId) {
        ZonedDateTime slot = lastSlot(now, zoneId);
        return Duration.between(slot.toInstant(), now).compareTo(CATCH_UP) < 0 ? Optional.of(slot) : Optional.empty();
    }
}
