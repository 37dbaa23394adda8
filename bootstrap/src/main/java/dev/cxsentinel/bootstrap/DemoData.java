package dev.cxsentinel.bootstrap;

import com.google.inject.Injector;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * On the console's first run: a demo seller account linked to the console (marketplace DE for files without one),
 * and Seller Central's own files imported as a seller would: one Voice of the Customer download per marketplace
 * and the FBA customer returns report.
 */
final class DemoData {
    static final SellerAccountId ACCOUNT = new SellerAccountId("A3DEMOSELLER01");

    private DemoData() {
    }

    /** Returns the console's link, creating the demo on first run. */
    static ChannelLink ensure(Injector injector) {
        ChannelLinks links = injector.getInstance(ChannelLinks.class);
        Optional<ChannelLink> existing = links.find(ChannelId.CONSOLE);
        if (existing.isPresent()) {
            return existing.get();
        }
        ChannelLink link = new ChannelLink(ChannelId.CONSOLE, ACCOUNT, Language.EN, SlackUserId.CONSOLE, injector.getInstance(dev.cxsentinel.application.port.out.Clock.class).now(), Marketplace.DE);
        links.save(link);
        ImportCxReport importer = injector.getInstance(ImportCxReport.class);
        importer.importReport(demoImport(Marketplace.DE, resource("voc-de.csv"), resource("returns-de.txt")));
        importer.importReport(demoImport(Marketplace.FR, resource("voc-fr.csv")));
        importer.importReport(demoImport(Marketplace.IT, resource("voc-it.csv")));
        return link;
    }

    private static ImportCxReport.ImportCxReportCommand demoImport(Marketplace marketplace, ReportFile... files) {
        return new ImportCxReport.ImportCxReportCommand(ACCOUNT, "console demo", Optional.empty(), List.of(files), false,
                Optional.of(marketplace), false);
    }

    private static ReportFile resource(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo report " + name + " missing from the jar");
            }
            return ReportFile.ofBytes("demo " + name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
