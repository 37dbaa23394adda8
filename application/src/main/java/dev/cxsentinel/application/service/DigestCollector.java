package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.DigestLine;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.domain.SellerAccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of one import that wait for a digest (improvements, moves between the upper levels): one digest per
 * linked channel, at most {@link Digest#MAX_LINES} lines and a count of the rest.
 */
final class DigestCollector {
    private final List<ChannelLink> channels;
    private final Map<ChannelLink, List<DigestLine>> lines = new LinkedHashMap<>();
    private final Map<ChannelLink, Integer> more = new HashMap<>();
    private long count;
    private long written;

    DigestCollector(List<ChannelLink> channels) {
        this.channels = List.copyOf(channels);
    }

    List<ChannelLink> channels() {
        return channels;
    }

    void add(DigestLine line) {
        for (ChannelLink link : channels) {
            List<DigestLine> channelLines = lines.computeIfAbsent(link, k -> new ArrayList<>());
            if (channelLines.size() < Digest.MAX_LINES) {
                channelLines.add(line);
            } else {
                more.merge(link, 1, Integer::sum);
            }
        }
        count++;
    }

    long count() {
        return count;
    }

    /**
     * Writes the lines so far, one digest per channel named by the import: {@code HELD} while the import runs (so the
     * lines of what it already wrote survive its death), {@code PENDING} when it is done. Unchanged lines are not
     * written again.
     */
    void write(DigestOutbox outbox, String importId, SellerAccountId account, Instant now, Notification.State state) {
        if (count == written && state == Notification.State.HELD) {
            return;
        }
        lines.forEach((link, channelLines) -> outbox.saveDigest(new Digest(importId + ":" + link.channel().value(), account,
                link.channel(), link.language(), importId, channelLines, more.getOrDefault(link, 0), now, now,
                state, 0, null, List.of())));
        written = count;
    }
}
