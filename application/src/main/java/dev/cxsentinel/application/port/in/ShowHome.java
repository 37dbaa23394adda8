package dev.cxsentinel.application.port.in;

import dev.cxsentinel.domain.SlackUserId;
import java.util.List;

/** App Home: for each linked channel whose account the user may act for, the offers that need attention. */
public interface ShowHome {
    List<ListOffers.OfferList> home(SlackUserId user);
}
