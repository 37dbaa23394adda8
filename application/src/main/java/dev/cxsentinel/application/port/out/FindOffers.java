package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import java.util.List;

public interface FindOffers {
    List<Offer> findByAsin(SellerAccountId account, Asin asin);

    List<Offer> findBySku(SellerAccountId account, Sku sku);

    /** Offers that need attention, worst first (closed, relist pending, very poor, poor), then by SKU. */
    Page<Offer> findNeedingAttention(SellerAccountId account, AttentionFilter filter, int page, int size);

    /**
     * The ids of the closed offers of every account, for reminders. Ids, not offers: one read, after which the offers
     * are loaded by id in batches ({@link LoadOffer#loadAll}); paging through the offers themselves cost the embedded
     * store a scan of the whole collection per page.
     */
    List<OfferId> closedOfferIds();

    /** The ids of every offer of one account (for the weekly review), read as {@link #closedOfferIds()} is. */
    List<OfferId> offerIdsOf(SellerAccountId account);
}
