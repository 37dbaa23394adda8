package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The changes of one import that do not alert at once (improvements, moves between the upper levels), grouped
 * into one message for one channel. {@code more} counts lines left out beyond {@link #MAX_LINES}.
 */
public record Digest(String id, SellerAccountId account, ChannelId channel, Language language, String importId,
                     List<DigestLine> lines, int more, Instant createdAt, Instant dueAt, Notification.State state,
                     int attempts, String lastError, List<String> messageTs) {
    public static final int MAX_LINES = 500;

    public Digest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        lines = List.copyOf(lines);
        messageTs = messageTs == null ? List.of() : List.copyOf(messageTs);
    }
}
