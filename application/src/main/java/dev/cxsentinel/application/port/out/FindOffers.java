package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

public interface FindOffers {
    List<Offer> findByAsin(SellerAccountId account, Asin asin);

    List<Offer> findBySku(SellerAccountId account, Sku sku);

    /** Offers that need attention, worst first (closed, relist pending, very poor, poor), then by SKU. */
    Page<Offer> findNeedingAttention(SellerAccountId account, AttentionFilter filter, int page, int size);

    /**
     * The offers of every account whose reminder is due at {@code now} by the store's reminder markers: closed, not
     * acted on since ({@code Offer.awaitsReminder}), fewer than {@code maxReminders} sent, the next one due (one per
     * {@code interval} since the closure was noticed) and not snoozed. Candidates: the domain decides
     * ({@code Offer.remindIfDue}). The sweep reads these markers, not every offer.
     */
    List<OfferId> dueForReminder(Instant now, Duration interval, int maxReminders);

    /**
     * The ids of every offer of one account (for the weekly review). Ids, not offers: one read, after which the
     * offers are loaded by id in batches ({@link LoadOffer#loadAll}); paging through the offers themselves cost the
     * embedded store a scan of the whole collection per page.
     */
    List<OfferId> offerIdsOf(SellerAccountId account);
}
