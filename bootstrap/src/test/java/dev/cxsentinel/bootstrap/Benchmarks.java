package dev.cxsentinel.bootstrap;

import com.mongodb.client.MongoCollection;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import dev.cxsentinel.adapters.mongo.EmbeddedStore;
import dev.cxsentinel.adapters.mongo.MongoStore;
import dev.cxsentinel.adapters.slack.FakeSlackApi;
import dev.cxsentinel.adapters.slack.Messages;
import dev.cxsentinel.adapters.slack.SlackText;
import dev.cxsentinel.adapters.slack.SignatureCheck;
import dev.cxsentinel.adapters.slack.SlackHttpServer;
import dev.cxsentinel.application.metrics.Metrics;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.DeliverySettings;
import dev.cxsentinel.application.model.Digest;
import dev.cxsentinel.application.model.Notification;
import dev.cxsentinel.application.model.ReviewSchedule;
import dev.cxsentinel.application.model.WeeklyReview;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.ChannelPace;
import dev.cxsentinel.application.port.out.FindOffers;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.NotificationOutbox;
import dev.cxsentinel.application.port.out.Notifier;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.application.port.out.ReviewLedger;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.application.service.DispatchLoop;
import dev.cxsentinel.application.port.in.SendReminders;
import dev.cxsentinel.application.service.WeeklyReviewService;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.SlackUserId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.bson.Document;

/**
 * The benchmark harness: {@code mvn -B -Pbench -DskipTests verify} runs it and rewrites BENCHMARKS.md. Every
 * figure is the median of {@code bench.runs} runs (default 3); each comparison is measured in the same run,
 * back to back. Knobs: {@code -Dbench.seconds} (default 30), {@code -Dbench.runs}, {@code -Dbench.memoryRows}
 * (default 1,000,000), {@code -Dbench.importOffers} (default 100,000).
 */
public final class Benchmarks {
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int MEMORY_ROWS = Integer.getInteger("bench.memoryRows", 1_000_000);
    static final int IMPORT_OFFERS = Integer.getInteger("bench.importOffers", 100_000);
    static final int[] RATES = {50, 100, 200};

    private final StringBuilder report = new StringBuilder();
    private final Path work;
    private final Path jar;

    Benchmarks(Path work, Path jar) {
        this.work = work;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path jar = Path.of(args.length > 1 ? args[1] : "bootstrap/target/cx-sentinel.jar");
        Path work = Files.createTempDirectory("cx-bench");
        Benchmarks bench = new Benchmarks(work, jar);
        int exit = 0;
        try {
            bench.header();
            if (selected("latency")) {
                bench.commandLatency();
            }
            if (selected("import")) {
                bench.imports();
            }
            if (selected("alerts")) {
                bench.alertPipeline();
            }
            if (selected("startup")) {
                bench.startUp();
            }
            if (selected("memory")) {
                bench.memory();
            }
            if (selected("review")) {
                bench.weeklyReview();
            }
            if (selected("fullstore")) {
                bench.fullStore();
            }
            if (selected("background")) {
                bench.latencyWithBackgroundWork();
            }
        } catch (Exception | Error e) {
            bench.line("");
            bench.line("**The harness stopped early:** " + e);
            e.printStackTrace();
            exit = 1;
        }
        Files.writeString(output, bench.report);
        System.exit(exit);
    }

    /** {@code -Dbench.only=latency,import} runs only those sections (for profiling); the default, {@code all}, runs all. */
    static boolean selected(String section) {
        String only = System.getProperty("bench.only", "all");
        return only.isBlank() || only.equals("all") || Arrays.asList(only.split(",")).contains(section);
    }

    // ---- report ----

    void header() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB").orElse("?");
        line("# CX Sentinel benchmarks");
        line("");
        line("Written by `mvn -B -Pbench -DskipTests verify` (the harness is `bootstrap/src/test/java/dev/cxsentinel/bootstrap/Benchmarks.java`).");
        line("Every figure is the median of " + RUNS + " runs; comparisons are measured back to back in the same run.");
        line("");
        line("| | |");
        line("|---|---|");
        line("| date | " + Instant.now() + " |");
        line("| machine | " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + mem + " RAM |");
        line("| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", heap max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB |");
        line("| settings | " + SECONDS + " s per load step, " + RUNS + " runs, import of " + IMPORT_OFFERS + " offers, memory test with "
                + MEMORY_ROWS + " rows |");
        line("");
    }

    void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }

    // ---- 1. command latency ----

    record Latencies(double p50, double p99, double p999, int errors, int sent, int deferred) { }

    void commandLatency() throws Exception {
        line("## 1. Command latency (time to the ack over HTTP)");
        line("");
        Path dir = work.resolve("latency");
        try (TestApp app = new TestApp(dir)) {
            int closed = (50 + 100 + 200) * SECONDS * RUNS + 100;
            app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId(TestApp.CHANNEL), TestApp.ACCOUNT, Language.EN,
                    new SlackUserId(TestApp.ADMIN), Instant.now()));
            app.injector.getInstance(OperatorRoles.class).grant(TestApp.ACCOUNT, new SlackUserId(TestApp.ANNA));
            importGenerated(app, closed, i -> String.format("DE,B0BENCH%03d,SKU-%07d,FBA,Very poor,2026-11-20", i % 1000, i));
            App floorApp = new App(AppConfig.builder().signingSecret(TestApp.SECRET).singleTeamBotToken("xoxb-test-token")
                    .slack(app.bot.app().config().getSlack()).build());
            floorApp.command("/cx", (req, ctx) -> ctx.ack("ok"));
            try (SlackHttpServer floor = new SlackHttpServer(0, floorApp, TestApp.SECRET, Map.of()).start()) {
                Load load = new Load(app.slack.responseUrl("bench"));
                AtomicInteger nextOffer = new AtomicInteger();
                String[] kinds = {"floor (bare Bolt app)", "/cx status", "/cx relist"};
                List<List<Latencies>>[] results = new List[kinds.length];
                for (int k = 0; k < kinds.length; k++) {
                    results[k] = new ArrayList<>();
                    for (int r = 0; r < RATES.length; r++) {
                        results[k].add(new ArrayList<>());
                    }
                }
                load.run(app.http.port(), 100, 5, i -> "status SKU-0000000"); // warm-up
                load.run(floor.port(), 100, 5, i -> "help");
                for (int run = 0; run < RUNS; run++) {
                    for (int r = 0; r < RATES.length; r++) {
                        results[0].get(r).add(load.run(floor.port(), RATES[r], SECONDS, i -> "help"));
                        results[1].get(r).add(load.run(app.http.port(), RATES[r], SECONDS, i -> "status SKU-" + String.format("%07d", i % closed)));
                        results[2].get(r).add(load.run(app.http.port(), RATES[r], SECONDS,
                                i -> "relist SKU-" + String.format("%07d", nextOffer.getAndIncrement()) + " bench"));
                    }
                }
                line("Open-loop load (requests leave on schedule, latency counted from the scheduled time), signed like Slack's,"
                        + " through the real app on the H2-backed embedded store (" + closed + " offers), against the same JDK HTTP server"
                        + " with a bare Bolt app that acks a fixed text. Target: p99 under 50 ms and within 1.5× of the floor.");
                line("");
                line("| rate | request | p50 | p99 | p99.9 | p99 vs floor | errors | acked \"working on it\" (> 2.5 s) |");
                line("|---|---|---|---|---|---|---|---|");
                for (int r = 0; r < RATES.length; r++) {
                    double floorP99 = median(results[0].get(r).stream().map(Latencies::p99).toList());
                    for (int k = 0; k < kinds.length; k++) {
                        List<Latencies> l = results[k].get(r);
                        double p99 = median(l.stream().map(Latencies::p99).toList());
                        line("| " + RATES[r] + "/s | " + kinds[k] + " | " + ms(median(l.stream().map(Latencies::p50).toList())) + " | "
                                + ms(p99) + " | " + ms(median(l.stream().map(Latencies::p999).toList())) + " | "
                                + (k == 0 ? "–" : String.format("%.2f×", p99 / floorP99)) + " | "
                                + l.stream().mapToInt(Latencies::errors).sum() + " of " + l.stream().mapToInt(Latencies::sent).sum() + " | "
                                + l.stream().mapToInt(Latencies::deferred).sum() + " |");
                    }
                }
                line("");
            }
        }
    }

    /**
     * Section 1 again, with what {@code serve} does in the background running (issue 17): 30,000 closed offers whose
     * 30,000 alerts form a backlog the dispatcher works through at the channel's pace of one a second, and the
     * reminder sweep, which reads every closed offer, run every 10 seconds instead of once a minute (so every
     * measurement overlaps it several times).
     */
    void latencyWithBackgroundWork() throws Exception {
        line("## 8. Command latency while the dispatcher and the reminder sweep run");
        line("");
        int closed = Integer.getInteger("bench.backgroundClosed", 30_000);
        try (TestApp app = new TestApp(work.resolve("background"))) {
            app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId(TestApp.CHANNEL), TestApp.ACCOUNT, Language.EN,
                    new SlackUserId(TestApp.ADMIN), Instant.now()));
            app.injector.getInstance(OperatorRoles.class).grant(TestApp.ACCOUNT, new SlackUserId(TestApp.ANNA));
            importGenerated(app, closed, i -> String.format("DE,B0BENCH%03d,SKU-%07d,FBA,Very poor,2026-11-20", i % 1000, i));
            DispatchLoop dispatcher = app.injector.getInstance(DispatchLoop.class);
            SendReminders reminders = app.injector.getInstance(SendReminders.class);
            ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger sweeps = new AtomicInteger();
            List<Double> sweepMillis = new CopyOnWriteArrayList<>();
            App floorApp = new App(AppConfig.builder().signingSecret(TestApp.SECRET).singleTeamBotToken("xoxb-test-token")
                    .slack(app.bot.app().config().getSlack()).build());
            floorApp.command("/cx", (req, ctx) -> ctx.ack("ok"));
            try (SlackHttpServer floor = new SlackHttpServer(0, floorApp, TestApp.SECRET, Map.of()).start()) {
                Load warmUp = new Load(app.slack.responseUrl("bench"));
                warmUp.run(floor.port(), 100, 5, i -> "help"); // Bolt checks its token once, before Slack gets busy
                dispatcher.start();
                sweep.scheduleWithFixedDelay(() -> {
                    long t0 = System.nanoTime();
                    reminders.remindDue();
                    sweepMillis.add((System.nanoTime() - t0) / 1e6);
                    sweeps.incrementAndGet();
                }, 0, 10, TimeUnit.SECONDS);
                Load load = new Load(app.slack.responseUrl("bench"));
                AtomicInteger nextOffer = new AtomicInteger();
                load.run(app.http.port(), 100, 5, i -> "status SKU-0000000"); // warm-up
                line("Open-loop load as in section 1, on a store of " + closed + " closed offers owing " + closed + " alerts, with the"
                        + " dispatcher delivering them (one a second to the channel) and the reminder sweep running every 10 s.");
                line("");
                line("| rate | request | p50 | p99 | p99.9 | p99 vs floor | errors |");
                line("|---|---|---|---|---|---|---|");
                for (int rate : RATES) {
                    Latencies bare = load.run(floor.port(), rate, SECONDS, i -> "help");
                    Latencies status = load.run(app.http.port(), rate, SECONDS, i -> "status SKU-" + String.format("%07d", i % closed));
                    Latencies relist = load.run(app.http.port(), rate, SECONDS,
                            i -> "relist SKU-" + String.format("%07d", nextOffer.getAndIncrement()) + " bench");
                    for (Map.Entry<String, Latencies> e : List.of(Map.entry("floor (bare Bolt app)", bare), Map.entry("/cx status", status),
                            Map.entry("/cx relist", relist))) {
                        Latencies l = e.getValue();
                        line("| " + rate + "/s | " + e.getKey() + " | " + ms(l.p50()) + " | " + ms(l.p99()) + " | " + ms(l.p999()) + " | "
                                + (l == bare ? "–" : String.format("%.2f×", l.p99() / bare.p99())) + " | " + l.errors() + " of " + l.sent() + " |");
                    }
                }
            } finally {
                sweep.shutdownNow();
                dispatcher.stop();
            }
            line("");
            line("Background work during the run: " + sweeps.get() + " sweeps of " + closed + " closed offers (median "
                    + ms(median(sweepMillis)) + " each), " + app.slack.delivered().size() + " messages delivered.");
            line("");
        }
    }

    /** Sends signed /cx commands at a fixed rate and measures each from its scheduled time to the answer. */
    static final class Load {
        private final SignatureCheck signer = new SignatureCheck(TestApp.SECRET);
        private final String responseUrl;

        Load(String responseUrl) {
            this.responseUrl = responseUrl;
        }
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(32)).build();
        /*
         * Blocking sends from a large pool rather than sendAsync: on a 2-core machine the JDK client completes
         * every async exchange on a new thread (the common pool has parallelism 1), which added a thread start per
         * request to both the app's and the floor's figures. A request waiting for a free sender still counts
         * from its scheduled time.
         */
        private final ExecutorService senders = Executors.newFixedThreadPool(400);

        private int runs;

        Latencies run(int port, int rate, int seconds, IntFunction<String> text) throws Exception {
            int run = ++runs;
            int total = rate * seconds;
            long[] latencies = new long[total];
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger deferred = new AtomicInteger();
            List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
            long start = System.nanoTime() + 50_000_000;
            long interval = 1_000_000_000L / rate;
            URI uri = URI.create("http://127.0.0.1:" + port + "/slack/events");
            for (int i = 0; i < total; i++) {
                int index = i;
                long due = start + i * interval;
                long delay = due - System.nanoTime();
                if (delay > 0) {
                    TimeUnit.NANOSECONDS.sleep(delay);
                }
                String body = "team_id=" + FakeSlackApi.TEAM + "&channel_id=" + TestApp.CHANNEL + "&user_id=" + TestApp.ANNA
                        + "&command=%2Fcx&text=" + URLEncoder.encode(text.apply(index), StandardCharsets.UTF_8)
                        + "&response_url=" + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
                        // a unique trigger id, as Slack sends: the server refuses a signature it has seen (replay guard)
                        + "&trigger_id=" + run + "." + index + "." + System.nanoTime();
                String ts = Long.toString(Instant.now().getEpochSecond());
                HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", ts)
                        .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inFlight.add(CompletableFuture.runAsync(() -> {
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[index] = System.nanoTime() - due;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (response.body().contains("Working on it")) {
                            deferred.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        latencies[index] = System.nanoTime() - due;
                        errors.incrementAndGet();
                    }
                }, senders));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            Arrays.sort(latencies);
            return new Latencies(latencies[(int) (total * 0.50)] / 1e6, latencies[Math.min(total - 1, (int) (total * 0.99))] / 1e6,
                    latencies[Math.min(total - 1, (int) (total * 0.999))] / 1e6, errors.get(), total, deferred.get());
        }
    }

    // ---- 2. import ----

    static Path generateReport(Path file, int rows, IntFunction<String> row) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("marketplace,asin,sku,fulfillment_channel,cx_health,last_offer_closed_date\n");
            for (int i = 0; i < rows; i++) {
                w.write(row.apply(i));
                w.write('\n');
            }
        }
        return file;
    }

    ImportCxReport.ImportSummary importGenerated(TestApp app, int rows, IntFunction<String> row) throws IOException {
        Path file = generateReport(work.resolve("report-" + System.nanoTime() + ".csv"), rows, row);
        try {
            return app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT,
                    "bench", Optional.empty(), List.of(ReportFile.ofPath(file)), false));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The weekly review reads every offer of the account once a week: on a store of {@link #IMPORT_OFFERS} offers with two
     * dated snapshots each, the time from the slot to the review handed to Slack (a recording notifier: no network).
     */
    void weeklyReview() throws Exception {
        line("## 6. Weekly review of an account of " + IMPORT_OFFERS + " offers");
        line("");
        line("Two dated Voice of the Customer snapshots (10 and 18 November; a fifth of the offers change health between them, a tenth close),"
                + " H2 file store, one linked channel; measured: `WeeklyReviewService.sendDue()` at the slot — reading the account's offer ids once"
                + " and the offers by id in batches of 1,000, the tally, and the ledger's claim (the message itself goes to a recording notifier).");
        line("");
        line("| offers | review | closed / at risk / recovered / action open |");
        line("|---|---|---|");
        List<Double> times = new ArrayList<>();
        String counts = "";
        for (int run = 0; run < RUNS; run++) {
            try (TestApp app = new TestApp(work.resolve("review-" + run))) {
                importDated(app, "2026-11-10", i -> i % 4 == 0 ? "Poor" : "Good", i -> false);
                importDated(app, "2026-11-18", i -> i % 5 == 0 ? "Very poor" : i % 4 == 0 ? "Fair" : "Good", i -> i % 10 == 0);
                app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId("C0REVIEW"), TestApp.ACCOUNT, Language.EN,
                        new SlackUserId(TestApp.ADMIN), Instant.parse("2026-11-01T00:00:00Z")));
                List<WeeklyReview> sent = new ArrayList<>();
                WeeklyReviewService reviews = new WeeklyReviewService(new ReviewSchedule(true, DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC),
                        app.injector.getInstance(ChannelLinks.class), app.injector.getInstance(ReviewLedger.class),
                        app.injector.getInstance(FindOffers.class), app.injector.getInstance(LoadOffer.class), recording(sent), app.injector.getInstance(ChannelPace.class),
                        () -> Instant.parse("2026-11-23T09:00:30Z"), DeliverySettings.DEFAULTS, new Metrics());
                long t0 = System.nanoTime();
                reviews.sendDue();
                times.add((System.nanoTime() - t0) / 1e6);
                WeeklyReview r = sent.get(0);
                counts = r.closed().count() + " / " + r.atRisk().count() + " / " + r.recovered().count() + " / " + r.awaitingAction().count();
            }
        }
        line("| " + IMPORT_OFFERS + " | " + ms(median(times)) + " | " + counts + " |");
        line("");
    }

    /**
     * A seller's day on a store that already holds the catalogue (issue 17), through the packaged jar as a user runs
     * it, JVM start included: the first import, an unchanged re-import, one with 1 % of the rows changed, the floor
     * (a dry run of that file with the import fingerprints dropped first, so that it starts the JVM, parses the file
     * and reads every stored offer, writing nothing), and the start to ready on the full store: the console's prompt, and
     * {@code serve}'s {@code /healthz} 200 (HTTP mode, against the harness's stand-in for Slack's Web API). Sizes:
     * {@code -Dbench.fullStoreSizes=10000,100000} (add 1000000 for the largest; slow).
     */
    void fullStore() throws Exception {
        line("## 7. A seller's day on a full store (packaged jar, JVM start included)");
        line("");
        line("| offers | first import | unchanged re-import | ×first | ×floor | 1 % changed | floor (dry run, every offer read) | console start on the store | serve start on the store |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (String size : System.getProperty("bench.fullStoreSizes", "10000,100000").split(",")) {
            int offers = Integer.parseInt(size.strip());
            Path report = generateVoc(work.resolve("voc-" + offers + ".csv"), offers, -1);
            Path changed = generateVoc(work.resolve("voc-" + offers + "-changed.csv"), offers, 100);
            List<Double> first = new ArrayList<>();
            List<Double> unchanged = new ArrayList<>();
            List<Double> onePercent = new ArrayList<>();
            List<Double> floor = new ArrayList<>();
            List<Double> start = new ArrayList<>();
            List<Double> serveStart = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Path dir = work.resolve("full-" + offers + "-" + run);
                Files.createDirectories(dir);
                first.add(cli(dir, report, false));
                unchanged.add(cli(dir, report, false));
                onePercent.add(cli(dir, changed, false));
                dropFingerprints(dir);
                floor.add(cli(dir, changed, true));
                start.add(startConsole(dir));
                try (FakeSlackApi slack = new FakeSlackApi()) {
                    serveStart.add(startServe(dir, slack));
                }
            }
            double f = median(first);
            double u = median(unchanged);
            double fl = median(floor);
            line("| " + offers + " | " + ms(f) + " | " + ms(u) + " | " + String.format("%.2f×", u / f) + " | " + String.format("%.2f×", u / fl)
                    + " | " + ms(median(onePercent)) + " | " + ms(fl) + " | " + ms(median(start)) + " | " + ms(median(serveStart)) + " |");
        }
        line("");
    }

    /** Forgets what the imports recorded, so that the next one reads every stored offer (the floor the issue names). */
    static void dropFingerprints(Path dir) {
        try (EmbeddedStore embedded = EmbeddedStore.open(dir.resolve("data"));
             MongoStore store = MongoStore.connect(embedded.connectionString(), "cx_sentinel")) {
            store.database().getCollection("import_fingerprints").drop();
        }
    }

    /** A Voice of the Customer download (no marketplace column); every {@code changeEvery}-th row with another health (-1: none). */
    static Path generateVoc(Path file, int rows, int changeEvery) throws IOException {
        String[] levels = {"Excellent", "Good", "Fair", "Poor", "Very poor"};
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("SKU,ASIN,Product name,Fulfilled by,CX Health,NCX rate,NCX orders,Total orders,Top NCX reason,Last updated,Last offer closed date\n");
            for (int i = 0; i < rows; i++) {
                int level = (i + (changeEvery > 0 && i % changeEvery == 0 ? 1 : 0)) % 5;
                w.write(String.format("SKU-%07d,B0FULL%04d,Product %d,Amazon,%s,%d.0%%,%d,100,Too small,11/20/2026,%s%n", i, i % 10000, i,
                        levels[level], level * 2, level * 2, level == 4 && i % 10 == 0 ? "11/20/2026" : ""));
            }
        }
        return file;
    }

    /** One {@code import} through the packaged jar into the store in {@code dir}; its wall time in ms. */
    double cli(Path dir, Path report, boolean dryRun) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toAbsolutePath().toString(), "import", "--account",
                TestApp.ACCOUNT.value(), "--marketplace", "DE"));
        if (dryRun) {
            command.add("--dry-run");
        }
        command.add(report.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed in " + dir + " (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    void importDated(TestApp app, String day, IntFunction<String> health, IntPredicate closed) throws IOException {
        Path file = work.resolve("dated-" + System.nanoTime() + ".csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("marketplace,asin,sku,fulfillment_channel,cx_health,top_ncx_reason,last_offer_closed_date,last_updated\n");
            for (int i = 0; i < IMPORT_OFFERS; i++) {
                w.write(String.format("DE,B0REVW%04d,SKU-%07d,FBA,%s,%s,%s,%s%n", i % 10000, i, health.apply(i),
                        i % 3 == 0 ? "Too small" : "Damaged", closed.test(i) ? day : "", day));
            }
        }
        try {
            app.injector.getInstance(ImportCxReport.class).importReport(new ImportCxReport.ImportCxReportCommand(TestApp.ACCOUNT,
                    "bench", Optional.empty(), List.of(ReportFile.ofPath(file)), false));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Notifier recording(List<WeeklyReview> sent) {
        return new Notifier() {
            @Override
            public Result send(Notification notification, Offer offer, String threadTs) {
                return new Result.Sent("1.1");
            }

            @Override
            public Result sendDigest(Digest digest) {
                return new Result.Sent("1.1");
            }

            @Override
            public Result sendReview(WeeklyReview review) {
                sent.add(review);
                return new Result.Sent("1.1");
            }
        };
    }

    void imports() throws Exception {
        line("## 2. Import of " + IMPORT_OFFERS + " offers");
        line("");
        line("First import of a generated report, an unchanged re-import, and beside them the raw driver's `insertMany` (ordered=false,"
                + " batches of 1,000) of " + IMPORT_OFFERS + " documents of the same shape into the same kind of store. Target: first import within 1.3× of the raw write;"
                + " the unchanged re-import writes nothing.");
        line("");
        line("| store | first import | raw insertMany | ratio | unchanged re-import | written by the re-import | file size after compaction |");
        line("|---|---|---|---|---|---|---|");
        try (TestApp warmUp = new TestApp()) { // the JIT compiles both paths before either is measured
            for (int round = 0; round < 2; round++) {
                importGenerated(warmUp, 20_000, i -> String.format("DE,B0WARM%04d,SKU-%07d,FBA,Good,", i % 10000, i));
                rawInsert(warmUp.mongo, 20_000);
            }
        }
        for (boolean h2 : new boolean[] {false, true}) {
            List<Double> first = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Double> again = new ArrayList<>();
            long written = 0;
            long size = 0;
            for (int run = 0; run < RUNS; run++) {
                Path dir = work.resolve("import-" + h2 + "-" + run);
                try (TestApp app = new TestApp(h2 ? dir : null)) {
                    long t0 = System.nanoTime();
                    importGenerated(app, IMPORT_OFFERS, i -> String.format("DE,B0IMPT%04d,SKU-%07d,FBA,Good,", i % 10000, i));
                    first.add((System.nanoTime() - t0) / 1e6);
                    long t1 = System.nanoTime();
                    ImportCxReport.ImportSummary unchanged = importGenerated(app, IMPORT_OFFERS,
                            i -> String.format("DE,B0IMPT%04d,SKU-%07d,FBA,Good,", i % 10000, i));
                    again.add((System.nanoTime() - t1) / 1e6);
                    written += unchanged.record().offersNew() + unchanged.record().offersChanged();
                    raw.add(rawInsert(app.mongo, IMPORT_OFFERS));
                }
                if (h2) {
                    try (EmbeddedStore reopened = EmbeddedStore.open(dir)) {
                        size = Files.size(dir.resolve(EmbeddedStore.FILE_NAME));
                    }
                }
            }
            double f = median(first);
            double r = median(raw);
            line("| " + (h2 ? "H2 file (default)" : "memory") + " | " + ms(f) + " | " + ms(r) + " | " + String.format("%.2f×", f / r) + " | "
                    + ms(median(again)) + " | " + written + " offers | " + (h2 ? String.format("%.1f MiB (raw insert included)", size / 1048576.0) : "–") + " |");
        }
        line("");
    }

    static double rawInsert(MongoStore store, int count) {
        MongoCollection<Document> raw = store.database().getCollection("raw_floor");
        raw.drop();
        long t0 = System.nanoTime();
        List<Document> batch = new ArrayList<>(1000);
        for (int i = 0; i < count; i++) {
            batch.add(new Document("_id", "A2EUQ1WTGCTBG2:DE:SKU-" + String.format("%07d", i)).append("schema", 1)
                    .append("account", "A2EUQ1WTGCTBG2").append("marketplace", "DE").append("sku", String.format("SKU-%07d", i))
                    .append("asin", String.format("B0IMPT%04d", i % 10000)).append("productName", null).append("channel", "FBA")
                    .append("health", "GOOD").append("ncxBp", null).append("ncxOrders", null).append("totalOrders", null)
                    .append("topReason", null).append("closedDate", null).append("status", "ACTIVE").append("attention", 9)
                    .append("comments", List.of()).append("history", List.of()).append("snoozedUntil", null)
                    .append("closedNoticedAt", null).append("reminders", 0).append("version", 1L).append("outbox", List.of())
                    .append("threads", new Document()).append("writeId", "w"));
            if (batch.size() == 1000) {
                raw.insertMany(batch, new com.mongodb.client.model.InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        raw.drop();
        return millis;
    }

    // ---- 4. alert pipeline ----

    void alertPipeline() throws Exception {
        line("## 4. Alert pipeline: an import that changes 10,000 offers across 5 channels");
        line("");
        List<Double> first = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        List<Double> messages = new ArrayList<>();
        List<Double> limited = new ArrayList<>();
        boolean complete = true;
        for (int run = 0; run < RUNS; run++) {
            try (TestApp app = new TestApp()) {
                for (int c = 0; c < 5; c++) {
                    app.injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId("C0BENCH" + c), TestApp.ACCOUNT,
                            Language.EN, new SlackUserId(TestApp.ADMIN), Instant.now()));
                }
                importGenerated(app, 10_000, i -> String.format("DE,B0PIPE%04d,SKU-%07d,FBA,Fair,", i % 10000, i));
                app.slack.enforceChannelPace(Duration.ofSeconds(1));
                DispatchLoop loop = app.injector.getInstance(DispatchLoop.class);
                loop.start();
                // 50 offers close (alerts), 9,950 improve (digest)
                importGenerated(app, 10_000, i -> i % 200 == 0
                        ? String.format("DE,B0PIPE%04d,SKU-%07d,FBA,Very poor,2026-11-25", i % 10000, i)
                        : String.format("DE,B0PIPE%04d,SKU-%07d,FBA,Good,", i % 10000, i));
                long end = System.nanoTime();
                NotificationOutbox outbox = app.injector.getInstance(NotificationOutbox.class);
                long firstAt = 0;
                while (System.nanoTime() - end < Duration.ofMinutes(10).toNanos()) {
                    if (firstAt == 0 && !app.slack.delivered().isEmpty()) {
                        firstAt = System.nanoTime();
                    }
                    if (outbox.countByState().get(Notification.State.PENDING) == 0 && app.slack.delivered().size() >= 255) {
                        break;
                    }
                    Thread.sleep(20);
                }
                long done = System.nanoTime();
                loop.stop();
                first.add((firstAt - end) / 1e6);
                all.add((done - end) / 1e9);
                messages.add((double) app.slack.delivered().size());
                limited.add((double) app.slack.rateLimitedCount());
                complete &= everyCardOnceAndEveryDigest(app.slack.delivered(), 250, 5);
            }
        }
        line("A fake Slack that answers 429 to a second message in one channel within a second. 50 offers close (an alert card in each of"
                + " the 5 channels) and 9,950 improve (one digest per channel, in as many messages as Block Kit's limits need).");
        line("");
        line("| time to first alert | time until all delivered | messages sent | 429s received | all 250 cards and 5 digests delivered, none twice |");
        line("|---|---|---|---|---|");
        line("| " + ms(median(first)) + " | " + String.format("%.1f s", median(all)) + " | " + String.format("%.0f", median(messages))
                + " | " + String.format("%.0f", median(limited)) + " | " + (complete ? "yes" : "NO") + " |");
        line("");
        line("The floor is Slack's own pace: 50 cards and the digest's messages per channel at one a second.");
        line("");
    }

    /**
     * Every card delivered exactly once (a card's text names its offer) and a digest in every channel; a digest's parts
     * share one title, so they are counted per channel, not as repeats.
     */
    static boolean everyCardOnceAndEveryDigest(List<FakeSlackApi.Call> delivered, int cards, int channels) {
        String digestTitle = SlackText.plain(Messages.get(Language.EN, "digest.title"));
        Map<String, Long> byText = new HashMap<>();
        Set<String> digestChannels = new HashSet<>();
        for (FakeSlackApi.Call call : delivered) {
            String text = String.valueOf(call.params().get("text"));
            if (text.equals(digestTitle)) {
                digestChannels.add(call.params().get("channel"));
            } else {
                byText.merge(call.params().get("channel") + "|" + text, 1L, Long::sum);
            }
        }
        return byText.size() == cards && byText.values().stream().allMatch(n -> n == 1) && digestChannels.size() == channels;
    }

    // ---- 5. start-up ----

    void startUp() throws Exception {
        line("## 5. Start-up (JVM start to ready, embedded H2 store)");
        line("");
        List<Double> console = new ArrayList<>();
        List<Double> serve = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        try (FakeSlackApi slack = new FakeSlackApi()) {
            for (int run = 0; run < RUNS; run++) {
                console.add(startConsole(work.resolve("start-console-" + run)));
                serve.add(startServe(work.resolve("start-serve-" + run), slack));
                restart.add(startServe(work.resolve("start-serve-" + run), slack));
            }
        }
        line("| mode | ready when | median |");
        line("|---|---|---|");
        line("| console (first run: demo import included) | the `cx>` prompt appears | " + ms(median(console)) + " |");
        line("| serve (HTTP mode), first start: the store is created | `GET /healthz` answers 200 | " + ms(median(serve)) + " |");
        line("| serve (HTTP mode), started again on that store | `GET /healthz` answers 200 | " + ms(median(restart)) + " |");
        line("");
    }

    double startConsole(Path dir) throws Exception {
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-jar", jar.toAbsolutePath().toString(), "console").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            int c;
            StringBuilder seen = new StringBuilder();
            while ((c = out.read()) != -1) {
                seen.append((char) c);
                if (seen.toString().endsWith("cx> ")) {
                    break;
                }
            }
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        p.getOutputStream().write("exit\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        p.waitFor(60, TimeUnit.SECONDS);
        return millis;
    }

    double startServe(Path dir, FakeSlackApi slack) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toAbsolutePath().toString(), "serve").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", TestApp.SECRET,
                "SLACK_API_URL", slack.apiUrl(), "PORT", Integer.toString(port)));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMillis(200)).build();
        long t0 = System.nanoTime();
        Process p = builder.start();
        double millis = -1;
        while (System.nanoTime() - t0 < Duration.ofSeconds(60).toNanos()) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    millis = (System.nanoTime() - t0) / 1e6;
                    break;
                }
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
        return millis;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---- 3. memory ----

    void memory() throws Exception {
        line("## 3. Memory: a " + MEMORY_ROWS + "-row report with `-Xmx256m`");
        line("");
        Path dir = work.resolve("memory");
        Files.createDirectories(dir);
        Path file = generateReport(dir.resolve("big.csv"), MEMORY_ROWS, i -> String.format("DE,B0MEMO%04d,SKU-%07d,FBA,%s,", i % 10000, i,
                i % 97 == 0 ? "Poor" : "Good"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "import", "--account", "A2EUQ1WTGCTBG2",
                file.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        boolean finished = p.waitFor(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long size;
        try (EmbeddedStore reopened = EmbeddedStore.open(dir.resolve("data"))) {
            size = Files.size(dir.resolve("data").resolve(EmbeddedStore.FILE_NAME));
        }
        line("`java -Xmx256m -jar bootstrap/target/cx-sentinel.jar import --account … big.csv` ("
                + String.format("%.0f MiB", Files.size(file) / 1048576.0) + " file) into the H2-backed embedded store, one run:");
        line("");
        line("| exit code | wall time | store file after compaction | output |");
        line("|---|---|---|---|");
        line("| " + (finished ? p.exitValue() : "timeout") + " | " + String.format("%.0f s", seconds) + " | "
                + String.format("%.0f MiB", size / 1048576.0) + " | " + out.lines().findFirst().orElse("").replace("|", "/") + " |");
        line("");
        Files.deleteIfExists(file);
    }
}
