package dev.cxsentinel.adapters.slack;

import com.slack.api.model.File;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports report files uploaded to a linked channel (or sent to the bot in a direct message that names the
 * account). The files are downloaded with the bot token, imported through the same use case as the command
 * line, and the summary (or the first 20 problems) is posted in the file's thread.
 */
@Singleton
public class ReportUploads {
    private static final Logger LOG = LoggerFactory.getLogger(ReportUploads.class);
    static final int ERRORS_SHOWN = 20;
    static final long MAX_BYTES = 200L * 1024 * 1024;
    private static final Pattern ACCOUNT = Pattern.compile("\\b[A-Z0-9]{10,16}\\b");

    private final SlackClients clients;
    private final ImportCxReport importer;
    private final ResolveAccount resolveAccount;

    @Inject
    public ReportUploads(SlackClients clients, ImportCxReport importer, ResolveAccount resolveAccount) {
        this.clients = clients;
        this.importer = importer;
        this.resolveAccount = resolveAccount;
    }

    static boolean isReport(File f) {
        String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
        String type = f.getFiletype() == null ? "" : f.getFiletype().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") || type.equals("csv") || type.equals("tsv");
    }

    public void handle(MessageFileShareEvent event) {
        List<File> files = event.getFiles() == null ? List.of() : event.getFiles().stream().filter(ReportUploads::isReport).toList();
        if (files.isEmpty() || event.getUser() == null) {
            return;
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        Actor actor;
        try {
            actor = new Actor(new SlackUserId(event.getUser()), new ChannelId(event.getChannel()));
        } catch (RuntimeException e) {
            return;
        }
        Optional<ChannelLink> link = resolveAccount.linkOf(actor);
        Language l = link.map(ChannelLink::language).orElse(Language.EN);
        Optional<SellerAccountId> account = link.map(ChannelLink::account).or(() -> accountIn(event.getText()));
        if (account.isEmpty()) {
            reply(event.getChannel(), thread, actor.channel().isDirectMessage()
                    ? Messages.get(l, "import.dm.account") : ErrorText.describe(new dev.cxsentinel.application.model.ChannelNotLinkedException(actor.channel()), l));
            return;
        }
        List<Path> downloaded = new ArrayList<>();
        try {
            List<ReportFile> reports = new ArrayList<>();
            for (File f : files) {
                Path path;
                try {
                    path = download(f);
                } catch (IOException e) {
                    reply(event.getChannel(), thread, Messages.get(l, "import.download", SlackText.escape(f.getName()), SlackText.escape(e.getMessage())));
                    return;
                }
                downloaded.add(path);
                String name = f.getName();
                reports.add(new ReportFile() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public InputStream open() throws IOException {
                        return Files.newInputStream(path);
                    }
                });
            }
            ImportCxReport.ImportSummary summary = importer.importReport(new ImportCxReport.ImportCxReportCommand(
                    account.get(), actor.user().value(), Optional.of(actor), reports, false));
            reply(event.getChannel(), thread, summaryText(summary, l));
        } catch (RuntimeException e) {
            reply(event.getChannel(), thread, ErrorText.describe(e, l));
            if (!ErrorText.isExpected(e)) {
                LOG.error("import from Slack failed", e);
            }
        } finally {
            for (Path p : downloaded) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("could not delete {}", p);
                }
            }
        }
    }

    private static Optional<SellerAccountId> accountIn(String text) {
        Matcher m = ACCOUNT.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(new SellerAccountId(m.group())) : Optional.empty();
    }

    private Path download(File f) throws IOException {
        String url = f.getUrlPrivateDownload() != null ? f.getUrlPrivateDownload() : f.getUrlPrivate();
        if (url == null) {
            throw new IOException("Slack gave no download address");
        }
        if (f.getSize() != null && f.getSize() > MAX_BYTES) {
            throw new IOException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; import it with the command line");
        }
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + clients.settings().botToken()).build();
        try (Response response = clients.http().newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("HTTP " + response.code());
            }
            String type = String.valueOf(response.header("Content-Type"));
            if (type.startsWith("text/html")) {
                throw new IOException("Slack answered with a web page instead of the file");
            }
            Path temp = Files.createTempFile("cx-upload-", ".csv");
            try (InputStream in = response.body().byteStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return temp;
        }
    }

    private void reply(String channel, String thread, String text) {
        try {
            var response = clients.methods().chatPostMessage(r -> r.channel(channel).threadTs(thread).text(text));
            if (!response.isOk()) {
                LOG.warn("import reply failed: {}", response.getError());
            }
        } catch (Exception e) {
            LOG.warn("import reply failed: {}", e.getMessage());
        }
    }

    /** The import summary in mrkdwn: counts, or the first problems and how many more. */
    public static String summaryText(ImportCxReport.ImportSummary summary, Language l) {
        var r = summary.record();
        String files = SlackText.escape(String.join(", ", r.files()));
        StringBuilder b = new StringBuilder();
        if (r.applied()) {
            b.append(Messages.get(l, "import.done", files, r.rowsRead(), r.offersNew(), r.offersChanged(), r.offersUnchanged(),
                    r.commentsAdded(), r.alertsOwed(), r.digestLines()));
            if (summary.errorCount() > 0) {
                b.append('\n').append(Messages.get(l, "import.skipped", r.rowsRejected()));
            }
        } else {
            b.append(Messages.get(l, "import.rejected", files, summary.errorCount()));
        }
        List<RowError> errors = summary.errors();
        for (RowError e : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            b.append("\n• ").append(SlackText.escape(e.toString()));
        }
        if (summary.errorCount() > ERRORS_SHOWN) {
            b.append('\n').append(Messages.get(l, "import.more", summary.errorCount() - ERRORS_SHOWN));
        }
        return b.toString();
    }
}
