package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.domain.OfferId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The digests owed to channels: saved by an import, claimed by one dispatcher at a time with a lease. */
public interface DigestOutbox {

    /** Creates or replaces the digest (an import saves its digests again when it is retried). */
    void saveDigest(Digest digest);

    Optional<Digest> claimNextDigest(String owner, Instant now, Duration lease);

    /** Records how the claimed digest went; ignored unless {@code owner} still holds it. */
    void completeDigest(String digestId, String owner, Notification.State state, Instant dueAt, int attempts, String error, List<String> messageTs);

    /** Counts by state, for the metrics (a digest Slack refused for good shows in the failed gauge). */
    Map<Notification.State, Long> countByState();

    /** Lets the digests an import held while it ran be delivered (the import ended, or was found interrupted). */
    void releaseHeld(String importId, Instant dueAt);

    /** The latest digests naming {@code offer} that Slack refused for good, newest first. */
    List<Digest> failedMentioning(OfferId offer);
}
