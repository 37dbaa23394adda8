package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.AttentionFilter;
import dev.cxsentinel.application.model.Page;
import dev.cxsentinel.domain.Asin;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import java.util.List;

public interface FindOffers {
    List<Offer> findByAsin(SellerAccountId account, Asin asin);

    List<Offer> findBySku(SellerAccountId account, Sku sku);

    /** Offers that need attention, worst first (closed, relist pending, very poor, poor), then by SKU. */
    Page<Offer> findNeedingAttention(SellerAccountId account, AttentionFilter filter, int page, int size);

    /** Closed offers of every account, for reminders, in pages of {@code size} after the id {@code afterId} (null: from the start). */
    List<Offer> findClosed(String afterId, int size);

    /** Every offer of one account, in pages of {@code size} after the id {@code afterId} (null: from the start), by id. */
    List<Offer> findByAccount(SellerAccountId account, String afterId, int size);
}
