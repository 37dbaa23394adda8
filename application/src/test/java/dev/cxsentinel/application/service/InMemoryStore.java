package dev.cxsentinel.application.service;

import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.AuditEntry;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.application.port.out.AuditLog;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ConcurrentUpdateException;
import dev.cxsentinel.application.port.out.DigestOutbox;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.ImportFingerprints;
import dev.cxsentinel.application.port.out.ImportRecords;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OfferChange;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.application.port.out.SaveOffer;
import dev.cxsentinel.domain.ActionRecord;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The store ports in memory, for use-case tests, with the real store's promises: a write carries the version it
 * was loaded at and loses to a newer one ({@link ConcurrentUpdateException}), so the conflict paths run. A test
 * can let "another writer" change an offer just before the next write of it ({@link #interfere}).
 */
final class InMemoryStore implements LoadOffer, SaveOffer, FindOffers, DigestOutbox, ChannelLinks, OperatorRoles, AuditLog, ImportRecords,
        ImportFingerprints {
    private final Map<OfferId, Offer> offers = new TreeMap<>(Comparator.comparing(OfferId::value));
    /** As the real store keeps them: every write of an offer voids its fingerprint at the version it writes. */
    private final Map<OfferId, Print> prints = new HashMap<>();
    private record Print(Long hash, long version) { }
    /** How many offers were read by {@link #loadAll}: use-case tests count what an import reads. */
    int offersRead;
    private final Map<OfferId, UnaryOperator<Offer>> interference = new HashMap<>();
    private final Set<OfferId> interferingEveryTime = new HashSet<>();
    final List<OfferChange> written = new ArrayList<>();
    final List<Digest> digests = new ArrayList<>();
    final Map<ChannelId, ChannelLink> links = new LinkedHashMap<>();
    final Set<String> operators = new HashSet<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final List<ImportRecord> imports = new ArrayList<>();
    int conflicts;
    private int bulkWritesLeft = Integer.MAX_VALUE;

    /** Stores {@code offer} as it would be after its first write (version 1). */
    Offer put(Offer offer) {
        Offer stored = offer.withVersion(offer.version() + 1);
        offers.put(offer.id(), stored);
        prints.put(offer.id(), new Print(null, stored.version()));
        return stored;
    }

    Offer get(OfferId id) {
        return offers.get(id);
    }

    /** Just before the next write of {@code id}, another writer applies {@code change} to the stored offer (and wins). */
    void interfere(OfferId id, UnaryOperator<Offer> change) {
        interference.put(id, change);
    }

    /** After {@code n} more bulk writes the "process" dies: the next bulk write throws, as a kill would end the import there. */
    void dieAfterBulkWrites(int n) {
        bulkWritesLeft = n;
    }

    /** Another writer changes {@code id} before every write of it: whoever writes it always loses. */
    void interfereEveryTime(OfferId id, UnaryOperator<Offer> change) {
        interference.put(id, change);
        interferingEveryTime.add(id);
    }

    // ---- LoadOffer, SaveOffer ----

    @Override
    public synchronized Optional<Offer> load(OfferId id) {
        return Optional.ofNullable(offers.get(id));
    }

    @Override
    public synchronized Map<OfferId, Offer> loadAll(Collection<OfferId> ids) {
        Map<OfferId, Offer> found = new HashMap<>();
        ids.forEach(id -> load(id).ifPresent(o -> found.put(id, o)));
        offersRead += found.size();
        return found;
    }

    // ---- ImportFingerprints ----

    @Override
    public synchronized Map<OfferId, Long> recorded(Collection<OfferId> ids) {
        Map<OfferId, Long> found = new HashMap<>();
        for (OfferId id : ids) {
            Print print = prints.get(id);
            if (print != null && print.hash() != null) {
                found.put(id, print.hash());
            }
        }
        return found;
    }

    @Override
    public synchronized void record(Map<OfferId, Fingerprint> fingerprints) {
        fingerprints.forEach((id, f) -> {
            Print current = prints.get(id);
            if (current == null || current.version() <= f.version()) {
                prints.put(id, new Print(f.hash(), f.version()));
            }
        });
    }

    @Override
    public synchronized void save(OfferChange change) {
        OfferId id = change.offer().id();
        UnaryOperator<Offer> other = interferingEveryTime.contains(id) ? interference.get(id) : interference.remove(id);
        if (other != null && offers.containsKey(id)) {
            put(other.apply(offers.get(id)));
        }
        Offer stored = offers.get(id);
        boolean stale = change.isNew() ? stored != null : stored == null || stored.version() != change.expectedVersion();
        if (stale) {
            conflicts++;
            throw new ConcurrentUpdateException(id);
        }
        written.add(change);
        put(change.offer());
    }

    @Override
    public synchronized Set<OfferId> saveAll(List<OfferChange> changes) {
        if (bulkWritesLeft-- <= 0) {
            throw new IllegalStateException("the process died here");
        }
        Set<OfferId> lost = new HashSet<>();
        for (OfferChange change : changes) {
            try {
                save(change);
            } catch (ConcurrentUpdateException e) {
                lost.add(change.offer().id());
            }
        }
        return lost;
    }

    // ---- FindOffers ----

    @Override
    public synchronized List<Offer> findByAsin(SellerAccountId account, Asin asin) {
        return offers.values().stream().filter(o -> o.id().account().equals(account) && o.asin().equals(asin)).toList();
    }

    @Override
    public synchronized List<Offer> findBySku(SellerAccountId account, Sku sku) {
        return offers.values().stream().filter(o -> o.id().account().equals(account) && o.id().sku().equals(sku)).toList();
    }

    @Override
    public synchronized Page<Offer> findNeedingAttention(SellerAccountId account, AttentionFilter filter, int page, int size) {
        List<Offer> all = offers.values().stream().filter(o -> o.id().account().equals(account) && o.needsAttention())
                .sorted(Comparator.comparing((Offer o) -> o.attention().orElseThrow()).thenComparing(o -> o.id().sku().value())).toList();
        List<Offer> items = all.stream().skip((long) (page - 1) * size).limit(size).toList();
        return new Page<>(items, page, size, all.size());
    }

    @Override
    public synchronized List<OfferId> dueForReminder(Instant now, Duration interval, int maxReminders) {
        return offers.values().stream().filter(o -> o.awaitsReminder() && o.remindersSent() < maxReminders && !o.isSnoozed(now)
                && !o.closedNoticedAt().plus(interval.multipliedBy(o.remindersSent() + 1L)).isAfter(now)).map(Offer::id).toList();
    }

    @Override
    public synchronized List<OfferId> offerIdsOf(SellerAccountId account) {
        return offers.keySet().stream().filter(id -> id.account().equals(account)).toList();
    }

    // ---- DigestOutbox (what imports write; delivery is the dispatcher's, tested against the real store) ----

    @Override
    public synchronized void saveDigest(Digest digest) {
        digests.removeIf(d -> d.id().equals(digest.id()));
        digests.add(digest);
    }

    @Override
    public Optional<Digest> claimNextDigest(String owner, Instant now, Duration lease) {
        throw new UnsupportedOperationException("delivery is tested against the real store");
    }

    @Override
    public void completeDigest(String digestId, String owner, Notification.State state, Instant dueAt, int attempts, String error,
                               List<String> messageTs) {
        throw new UnsupportedOperationException("delivery is tested against the real store");
    }

    @Override
    public synchronized Map<Notification.State, Long> countByState() {
        Map<Notification.State, Long> counts = new HashMap<>();
        digests.forEach(d -> counts.merge(d.state(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized void releaseHeld(String importId, Instant dueAt) {
        digests.replaceAll(d -> d.importId().equals(importId) && d.state() == Notification.State.HELD
                ? new Digest(d.id(), d.account(), d.channel(), d.language(), d.importId(), d.lines(), d.more(), d.createdAt(), dueAt,
                        Notification.State.PENDING, d.attempts(), d.lastError(), d.messageTs())
                : d);
    }

    @Override
    public synchronized List<Digest> failedMentioning(OfferId offer) {
        return digests.stream().filter(d -> d.state() == Notification.State.FAILED
                && d.lines().stream().anyMatch(l -> l.offerId().equals(offer))).toList();
    }

    // ---- ChannelLinks, OperatorRoles ----

    @Override
    public synchronized Optional<ChannelLink> find(ChannelId channel) {
        return Optional.ofNullable(links.get(channel));
    }

    @Override
    public synchronized List<ChannelLink> findByAccount(SellerAccountId account) {
        return links.values().stream().filter(l -> l.account().equals(account)).toList();
    }

    @Override
    public synchronized List<ChannelLink> findAll() {
        return List.copyOf(links.values());
    }

    @Override
    public synchronized void save(ChannelLink link) {
        links.put(link.channel(), link);
    }

    @Override
    public synchronized boolean isOperator(SellerAccountId account, SlackUserId user) {
        return operators.contains(account.value() + "/" + user.value());
    }

    @Override
    public synchronized List<SlackUserId> operators(SellerAccountId account) {
        return operators.stream().filter(k -> k.startsWith(account.value() + "/")).map(k -> new SlackUserId(k.substring(k.indexOf('/') + 1))).toList();
    }

    @Override
    public synchronized void grant(SellerAccountId account, SlackUserId user) {
        operators.add(account.value() + "/" + user.value());
    }

    @Override
    public synchronized boolean revoke(SellerAccountId account, SlackUserId user) {
        return operators.remove(account.value() + "/" + user.value());
    }

    // ---- AuditLog, ImportRecords ----

    @Override
    public synchronized void append(AuditEntry entry) {
        audit.add(entry);
    }

    @Override
    public synchronized void appendOfferAction(OfferId offer, ActionRecord action) {
        audit.add(AuditEntry.ofOfferAction(offer, action));
    }

    @Override
    public synchronized List<AuditEntry> recent(SellerAccountId account, int limit) {
        return audit.stream().filter(e -> e.account().equals(account)).limit(limit).toList();
    }

    @Override
    public synchronized void save(ImportRecord record) {
        imports.removeIf(r -> r.id().equals(record.id()));
        imports.add(record);
    }

    @Override
    public synchronized List<ImportRecord> runningSince(Instant lastBatchBefore) {
        return imports.stream().filter(r -> r.state() == ImportRecord.State.RUNNING && r.finishedAt().isBefore(lastBatchBefore)).toList();
    }

    @Override
    public synchronized List<ImportRecord> recentImports(SellerAccountId account, int limit) {
        return imports.stream().filter(r -> r.account().equals(account))
                .sorted(Comparator.comparing(ImportRecord::startedAt).reversed()).limit(limit).toList();
    }
}
