package dev.cxsentinel.adapters.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import dev.cxsentinel.application.port.in.ListOffers;
import dev.cxsentinel.application.port.in.ShowHome;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.SlackUserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** App Home: the offers that need attention in every account the user may act for, with the card's buttons. */
final class AppHome {
    private static final Logger LOG = LoggerFactory.getLogger(AppHome.class);

    private final SlackClients clients;
    private final ShowHome showHome;
    private final dev.cxsentinel.application.port.out.Clock clock;

    AppHome(SlackClients clients, ShowHome showHome, dev.cxsentinel.application.port.out.Clock clock) {
        this.clients = clients;
        this.showHome = showHome;
        this.clock = clock;
    }

    void publish(String user, String banner) {
        try {
            List<LayoutBlock> blocks = homeBlocks(showHome.home(new SlackUserId(user)), banner, clock.now());
            var response = clients.methods().viewsPublish(r -> r.userId(user).view(view(v -> v.type("home").blocks(blocks))));
            if (!response.isOk()) {
                LOG.warn("views.publish failed: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("App Home not published: {}", e.toString());
        }
    }

    /** App Home holds at most 100 blocks (views' limit): one is kept for saying what was left out and where to see it. */
    static final int HOME_BLOCKS = 100;

    static List<LayoutBlock> homeBlocks(List<ListOffers.OfferList> accounts, String banner, Instant now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("CX Sentinel"))));
        if (banner != null) {
            blocks.add(section(s -> s.text(markdownText(banner))));
        }
        if (accounts.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(Messages.get(Language.EN, "home.empty")))));
        }
        int room = HOME_BLOCKS - 1;
        long offersLeftOut = 0;
        int accountsLeftOut = 0;
        for (ListOffers.OfferList list : accounts) {
            Language l = list.link().language();
            if (blocks.size() + 2 > room) {
                accountsLeftOut++;
                offersLeftOut += list.page().total();
                continue;
            }
            blocks.add(divider());
            blocks.add(section(s -> s.text(markdownText(Messages.get(l, "home.account", list.link().account(),
                    list.link().channel().value(), list.page().total())))));
            if (list.page().items().isEmpty() && blocks.size() < room) {
                blocks.add(section(s -> s.text(markdownText(Messages.get(l, "home.none")))));
            }
            int shown = 0;
            for (Offer o : list.page().items()) {
                if (blocks.size() + 2 > room) {
                    break;
                }
                blocks.add(section(s -> s.text(markdownText(OfferText.listLine(o, l)))));
                blocks.add(actions(a -> a.blockId("home_" + blocks.size()).elements(AlertCard.buttons(list.link().channel(), o, l))));
                shown++;
            }
            offersLeftOut += list.page().total() - shown;
        }
        if (offersLeftOut > 0 || accountsLeftOut > 0) {
            String note = Messages.get(Language.EN, "home.more", offersLeftOut, accountsLeftOut);
            blocks.add(section(s -> s.text(markdownText(note))));
        }
        return blocks;
    }
}
