package dev.cxsentinel.bootstrap;

import com.google.inject.Injector;
import dev.cxsentinel.adapters.slack.CommandRouter;
import dev.cxsentinel.adapters.slack.Messages;
import dev.cxsentinel.adapters.slack.Reply;
import dev.cxsentinel.adapters.slack.ReportUploads;
import dev.cxsentinel.adapters.slack.SlackText;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.port.in.DeliverNotifications;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.service.DispatchLoop;
import dev.cxsentinel.bootstrap.modules.ConsoleModule;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SlackUserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * CX Sentinel without Slack: the embedded store, demo data on first run, a prompt that takes the same
 * {@code /cx …} commands as Slack, and alerts printed as they arrive.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Try CX Sentinel locally: demo data, /cx commands at a prompt, alerts printed.")
public final class ConsoleCommand implements Callable<Integer> {
    /** A terminal has no rate limit: alerts print as soon as they are owed. */
    static final DeliverySettings CONSOLE_DELIVERY = new DeliverySettings(Duration.ZERO, Duration.ofSeconds(60),
            Duration.ofSeconds(2), Duration.ofMinutes(5));

    private final Environment env;

    public ConsoleCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(env.variables(), "WARN");
        HeapDefaults.applyToThisJvm();
        Config config = Config.from(env.variables());
        Set<SlackUserId> admins = new LinkedHashSet<>(config.admins());
        admins.add(SlackUserId.CONSOLE);
        try (Lifecycle life = new Lifecycle()) {
            StoreConnection store = StoreConnection.open(config, false);
            life.start("store", () -> { }, store::close);
            Injector injector = Wiring.injector(config, admins, store, new ConsoleModule(env.out()), CONSOLE_DELIVERY);
            Wiring.prepareStore(injector, store);
            ChannelLink link = DemoData.ensure(injector);
            DeliverNotifications deliver = injector.getInstance(DeliverNotifications.class);
            env.out().println("CX Sentinel console — seller account " + link.account() + ", store: " + store.description());
            deliver.deliverDue();
            DispatchLoop dispatcher = injector.getInstance(DispatchLoop.class);
            life.start("dispatcher", dispatcher::start, dispatcher::stop);
            env.out().println("\nType /cx help for the commands, import FILE… to import reports, exit to quit.");
            session(injector, link);
            dispatcher.stop();
            deliver.deliverDue();
        }
        return 0;
    }

    private void session(Injector injector, ChannelLink link) throws IOException {
        CommandRouter router = injector.getInstance(CommandRouter.class);
        Actor actor = new Actor(SlackUserId.CONSOLE, ChannelId.CONSOLE);
        while (true) {
            env.out().print("cx> ");
            env.out().flush();
            String line = env.in().readLine();
            if (line == null) {
                env.out().println();
                return;
            }
            String text = line.strip();
            if (text.equals("exit") || text.equals("quit")) {
                return;
            }
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("/cx")) {
                text = text.substring(3).strip();
            }
            if (text.startsWith("import ")) {
                importFiles(injector, link, text.substring(7).strip());
                continue;
            }
            Reply reply = router.handle(actor, text);
            env.out().println(SlackText.console(reply.text()));
            if (reply.chart() != null) {
                writeChart(reply.chart());
            }
        }
    }

    /** The console has no channel to post a chart into: it writes the PNG beside the data directory and says where. */
    private void writeChart(Reply.Chart chart) {
        try {
            Path file = Path.of(chart.filename()).toAbsolutePath();
            Files.write(file, chart.png());
            env.out().println("  ↳ chart written to " + file);
        } catch (java.io.IOException e) {
            env.out().println("The chart could not be written: " + e.getMessage());
        }
    }

    /** {@code import [--marketplace CODE] FILE…}: files without a marketplace column count as the console's default (DE). */
    private void importFiles(Injector injector, ChannelLink link, String arguments) {
        List<ReportFile> files = new ArrayList<>();
        Optional<Marketplace> marketplace = Optional.ofNullable(link.defaultMarketplace());
        String[] words = arguments.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("--marketplace") && i + 1 < words.length) {
                try {
                    marketplace = Optional.of(Marketplace.parse(words[++i]));
                } catch (InvalidValueException e) {
                    env.out().println(Messages.refused(e, link.language()));
                    return;
                }
                continue;
            }
            Path path = Path.of(words[i]);
            if (!Files.isReadable(path)) {
                env.out().println("No readable file " + path.toAbsolutePath());
                return;
            }
            files.add(ReportFile.ofPath(path));
        }
        try {
            ImportCxReport.ImportSummary summary = injector.getInstance(ImportCxReport.class).importReport(
                    new ImportCxReport.ImportCxReportCommand(link.account(), "console", Optional.empty(), files, false, marketplace, false));
            env.out().println(SlackText.console(ReportUploads.summaryText(summary, link.language())));
        } catch (RuntimeException e) {
            env.out().println("Import failed: " + e.getMessage());
        }
    }
}
