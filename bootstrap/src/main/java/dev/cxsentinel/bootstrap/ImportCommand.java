package dev.cxsentinel.bootstrap;

import com.google.inject.Injector;
import dev.cxsentinel.adapters.mongo.EmbeddedStore;
import dev.cxsentinel.adapters.slack.Messages;
import dev.cxsentinel.adapters.slack.ReportUploads;
import dev.cxsentinel.adapters.slack.SlackText;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.bootstrap.modules.DeferredDeliveryModule;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports report files as one snapshot of one seller account. Works whether or not {@code serve} runs on the same
 * data: it goes through the running instance's store, and that instance delivers the alerts.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import CX report files (an offer report and/or comment files) for one seller account.")
public final class ImportCommand implements Callable<Integer> {
    private final Environment env;

    @Option(names = "--account", required = true, paramLabel = "ID", description = "Seller account (merchant token), e.g. A2EUQ1WTGCTBG2.")
    String account;

    @Option(names = "--skip-invalid", description = "Import the valid rows and report the invalid ones (default: reject the file whole).")
    boolean skipInvalid;

    @Option(names = "--marketplace", paramLabel = "CODE",
            description = "Marketplace of files without a marketplace column (a Voice of the Customer download, a returns report): DE, amazon.de or A1PA6795UKMFR9.")
    String marketplace;

    @Option(names = "--dry-run", description = "Read and validate everything, print what the import would do, write nothing.")
    boolean dryRun;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Report files: Voice of the Customer downloads, FBA customer returns reports, comment files; CSV, TSV, TXT or XLSX; English or German.")
    List<Path> files;

    public ImportCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(env.variables(), "WARN");
        Config config = Config.from(env.variables());
        SellerAccountId seller = SellerAccountId.of(account);
        Optional<Marketplace> defaultMarketplace = marketplace == null ? Optional.empty() : Optional.of(Marketplace.parse(marketplace));
        List<ReportFile> reports = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                missing.add(file + ": no such readable file");
            }
            reports.add(ReportFile.ofPath(file));
        }
        if (!missing.isEmpty()) {
            missing.forEach(env.err()::println);
            return 2;
        }
        try (StoreConnection store = StoreConnection.open(config, true);
             AutoCloseable running = dryRun || config.mongoUri() != null ? () -> { } : EmbeddedStore.importRunning(config.dataDir())) {
            Injector injector = Wiring.injector(config, config.admins(), store, new DeferredDeliveryModule());
            Wiring.prepareStoreForImport(injector, store, dryRun);
            ImportCxReport.ImportSummary summary = injector.getInstance(ImportCxReport.class).importReport(
                    new ImportCxReport.ImportCxReportCommand(seller, "cli:" + System.getProperty("user.name"),
                            Optional.empty(), reports, skipInvalid, defaultMarketplace, dryRun));
            report(summary);
            return summary.applied() ? 0 : 2;
        }
    }

    private void report(ImportCxReport.ImportSummary summary) {
        // The problems themselves go to stderr one per line; the summary keeps their count.
        ImportCxReport.ImportSummary withoutList = summary.withoutErrorList();
        String text = SlackText.plain(ReportUploads.summaryText(withoutList, Language.EN));
        env.out().println(text.replaceAll("(?m)^:[a-z_]+: ", ""));
        for (RowError e : summary.errors()) {
            env.err().println(Messages.problem(e, Language.EN));
        }
        if (summary.errorCount() > summary.errors().size()) {
            env.err().println("…and " + (summary.errorCount() - summary.errors().size()) + " more problems.");
        }
        if (summary.applied() && !summary.dryRun() && summary.record().alertsOwed() + summary.record().digestLines() > 0) {
            env.out().println("Alerts are delivered by the running serve (or the next one started).");
        }
    }
}
