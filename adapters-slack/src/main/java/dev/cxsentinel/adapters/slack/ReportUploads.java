package dev.cxsentinel.adapters.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.cxsentinel.application.model.Actor;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.ChannelNotLinkedException;
import dev.cxsentinel.application.model.ImportRecord;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.in.ResolveAccount;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.report.RowError;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.SlackUserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports report files uploaded to a linked channel (or sent to the bot in a direct message that names the
 * account), imported through the same use case as the command line; the summary (or the first 20 problems) is
 * posted in the file's thread.
 *
 * <p>The bot token is sent only to Slack: the uploader's role is checked before anything is fetched, each file's
 * metadata is asked of {@code files.info} by the file id (never taken from the event, which anyone who can post
 * an event could shape), the download address must be on Slack's file host ({@code files.slack.com}) or the
 * host of {@code SLACK_API_URL}, and the bytes actually read are counted and cut at the limit. Download errors
 * are reported without the address. The checks and the summary stay in one class so the path from the event to
 * the reply reads top to bottom; that is its length.
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

    private static final Pattern MARKETPLACE_WORD = Pattern.compile("(?<![\\w.])((?:www\\.)?amazon\\.[a-z.]{2,9}|[A-Z]{2}|A[A-Z0-9]{9,13})(?!\\w)");

    static boolean isReport(File f) {
        String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
        String type = f.getFiletype() == null ? "" : f.getFiletype().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".xlsx")
                || type.equals("csv") || type.equals("tsv") || type.equals("xlsx") || type.equals("text");
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
                    ? Messages.get(l, "import.dm.account") : ErrorText.describe(new ChannelNotLinkedException(actor.channel()), l));
            return;
        }
        try {
            resolveAccount.requireOperator(actor, account.get());
        } catch (RuntimeException e) {
            reply(event.getChannel(), thread, ErrorText.describe(e, l));
            return;
        }
        Optional<Marketplace> marketplace = marketplaceIn(event.getText()).or(() -> link.map(ChannelLink::defaultMarketplace));
        List<Path> downloaded = new ArrayList<>();
        try {
            List<ReportFile> reports = new ArrayList<>();
            for (File listed : files) {
                Path path;
                File f = listed;
                try {
                    f = fileInfo(listed.getId());
                    path = download(f);
                } catch (IOException e) {
                    reply(event.getChannel(), thread, Messages.get(l, "import.download", SlackText.escape(listed.getName()), SlackText.escape(e.getMessage())));
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
                    account.get(), actor.user().value(), Optional.of(actor), reports, false, marketplace, false));
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

    /** A marketplace named in the upload message: {@code DE}, {@code amazon.de} or a marketplace id. */
    static Optional<Marketplace> marketplaceIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MARKETPLACE_WORD.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(Marketplace.parse(m.group(1).replaceAll("\\.+$", "")));
            } catch (RuntimeException notAMarketplace) {
                // another word of two capitals; keep looking
            }
        }
        return Optional.empty();
    }

    /** The file's metadata from Slack itself (also resolves Slack Connect stubs that say "check_file_info"). */
    private File fileInfo(String id) throws IOException {
        if (id == null || !id.matches("F[A-Z0-9]{1,30}")) {
            throw new IOException("the upload names no valid file id");
        }
        try {
            var response = clients.methods().filesInfo(r -> r.file(id));
            if (!response.isOk() || response.getFile() == null) {
                throw new IOException("files.info answered " + response.getError());
            }
            return response.getFile();
        } catch (SlackApiException e) {
            throw new IOException("files.info failed with HTTP " + e.getResponse().code());
        }
    }

    /** True for Slack's file host and, for tests and GovSlack, the host of the configured Web API. */
    boolean isSlackFileHost(okhttp3.HttpUrl url) {
        okhttp3.HttpUrl api = okhttp3.HttpUrl.parse(clients.settings().apiUrl());
        boolean apiHost = api != null && api.host().equals(url.host()) && api.port() == url.port() && api.scheme().equals(url.scheme());
        return apiHost || ("https".equals(url.scheme()) && (url.host().equals("files.slack.com") || url.host().equals("files.slack-gov.com")));
    }

    private Path download(File f) throws IOException {
        String address = f.getUrlPrivateDownload() != null ? f.getUrlPrivateDownload() : f.getUrlPrivate();
        okhttp3.HttpUrl url = address == null ? null : okhttp3.HttpUrl.parse(address);
        if (url == null) {
            throw new IOException("Slack gave no download address");
        }
        if (!isSlackFileHost(url)) {
            LOG.warn("refused to download file {} from a host that is not Slack's", f.getId());
            throw new IOException("the file is not on Slack's file host");
        }
        if (f.getSize() != null && f.getSize() > MAX_BYTES) {
            throw new IOException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; import it with the command line");
        }
        Request request = new Request.Builder().url(url).header("Authorization", "Bearer " + clients.settings().botToken()).build();
        OkHttpClient noRedirects = clients.http().newBuilder().followRedirects(false).followSslRedirects(false).build();
        try (Response response = noRedirects.newCall(request).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("Slack answered HTTP " + response.code());
            }
            String type = String.valueOf(response.header("Content-Type"));
            if (type.startsWith("text/html")) {
                throw new IOException("Slack answered with a web page instead of the file");
            }
            Path temp = Files.createTempFile("cx-upload-", ".upload");
            try (InputStream in = response.body().byteStream(); var out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new IOException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; import it with the command line");
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
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
        if (summary.dryRun()) {
            b.append(Messages.get(l, "import.dryrun")).append('\n');
        }
        if (r.applied()) {
            b.append(Messages.get(l, "import.done", files, r.rowsRead(), r.offersNew(), r.offersChanged(), r.offersUnchanged(),
                    r.commentsAdded(), r.alertsOwed(), r.digestLines()));
            if (summary.errorCount() > 0) {
                b.append('\n').append(Messages.get(l, "import.skipped", r.rowsRejected()));
            }
        } else {
            b.append(Messages.get(l, "import.rejected", files, summary.errorCount()));
        }
        if (summary.staleRows() > 0) {
            b.append('\n').append(Messages.get(l, "import.stale", summary.staleRows()));
        }
        for (ImportRecord earlier : summary.interruptedEarlier()) {
            b.append('\n').append(Messages.get(l, "import.interrupted.earlier", SlackText.escape(String.join(", ", earlier.files())),
                    SlackText.time(earlier.startedAt()), earlier.changesWritten()));
        }
        if (summary.returnsSkipped() > 0) {
            b.append('\n').append(Messages.get(l, "import.returns.skipped", summary.returnsSkipped()));
        }
        if (!summary.encodings().isEmpty()) {
            b.append('\n').append(Messages.get(l, "import.encoding", SlackText.escape(summary.encodings().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")))));
        }
        List<RowError> errors = summary.errors();
        for (RowError e : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            b.append("\n• ").append(SlackText.escape(Messages.problem(e, l)));
        }
        if (summary.errorCount() > ERRORS_SHOWN) {
            b.append('\n').append(Messages.get(l, "import.more", summary.errorCount() - ERRORS_SHOWN));
        }
        return b.toString();
    }
}
