package dev.cxsentinel.application.port.out;

import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.domain.SellerAccountId;
import java.util.List;
import java.util.Optional;

public interface ChannelLinks {
    Optional<ChannelLink> find(ChannelId channel);

    List<ChannelLink> findByAccount(SellerAccountId account);

    List<ChannelLink> findAll();

    /** Creates or replaces the link of {@code link.channel()}. */
    void save(ChannelLink link);
}
