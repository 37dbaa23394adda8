package dev.cxsentinel.bootstrap;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Injector;
import dev.cxsentinel.adapters.mongo.EmbeddedStore;
import dev.cxsentinel.adapters.mongo.MongoStore;
import dev.cxsentinel.adapters.slack.FakeSlackApi;
import dev.cxsentinel.adapters.slack.HttpEndpoint;
import dev.cxsentinel.adapters.slack.SignatureCheck;
import dev.cxsentinel.adapters.slack.SlackBot;
import dev.cxsentinel.adapters.slack.SlackHttpServer;
import dev.cxsentinel.adapters.slack.SlackSettings;
import dev.cxsentinel.application.model.AlertSettings;
import dev.cxsentinel.application.model.ChannelId;
import dev.cxsentinel.application.model.ChannelLink;
import dev.cxsentinel.application.model.ReviewSchedule;
import dev.cxsentinel.application.port.in.ImportCxReport;
import dev.cxsentinel.application.port.out.ChannelLinks;
import dev.cxsentinel.application.port.out.LoadOffer;
import dev.cxsentinel.application.port.out.OperatorRoles;
import dev.cxsentinel.application.report.ReportFile;
import dev.cxsentinel.bootstrap.modules.SlackModule;
import dev.cxsentinel.domain.Language;
import dev.cxsentinel.domain.Marketplace;
import dev.cxsentinel.domain.Offer;
import dev.cxsentinel.domain.OfferId;
import dev.cxsentinel.domain.SellerAccountId;
import dev.cxsentinel.domain.Sku;
import dev.cxsentinel.domain.SlackUserId;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The real application wired by bootstrap (Guice, use cases, Mongo adapter on an in-memory embedded server,
 * Slack adapter with Bolt behind the HTTP server) against a local fake Slack Web API; sends correctly signed
 * requests like Slack does.
 */
final class TestApp implements AutoCloseable {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final SellerAccountId ACCOUNT = new SellerAccountId("A2EUQ1WTGCTBG2");
    static final String CHANNEL = "C0ALERTS";
    static final String ADMIN = "U0ADMIN";
    static final String ANNA = "U0ANNA";
    static final String STRANGER = "U0STRANGER";

    final FakeSlackApi slack;
    final EmbeddedStore embedded;
    final MongoStore mongo;
    final Injector injector;
    final SlackBot bot;
    final SlackHttpServer http;
    final SignatureCheck signer = new SignatureCheck(SECRET);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestApp() throws Exception {
        this(null);
    }

    /** {@code h2Dir} null: the in-memory backend; otherwise the H2-backed store a user gets by default. */
    TestApp(Path h2Dir) throws Exception {
        slack = new FakeSlackApi();
        embedded = h2Dir == null ? EmbeddedStore.inMemory() : EmbeddedStore.open(h2Dir);
        mongo = MongoStore.connect(embedded.connectionString(), "cx_test");
        SlackSettings settings = new SlackSettings("xoxb-test-token", SECRET, null, slack.apiUrl(), null, null, Duration.ofSeconds(2));
        Config config = new Config(null, "cx_test", Path.of("unused"), settings, 0, Set.of(new SlackUserId(ADMIN)),
                AlertSettings.DEFAULTS, "text", ReviewSchedule.OFF);
        StoreConnection store = StoreConnection.of(mongo, "test store");
        injector = Wiring.injector(config, config.admins(), store, new SlackModule(settings));
        Wiring.prepareStore(injector, store);
        bot = injector.getInstance(SlackBot.class);
        Operations ops = injector.getInstance(Operations.class);
        Map<String, java.util.function.Supplier<HttpEndpoint>> routes = Map.of("/healthz", ops::health, "/metrics", ops::metrics);
        http = new SlackHttpServer(0, bot, SECRET, routes).start();
    }

    /** Links the channel (as admin), grants Anna the operator role, imports the example report and comments. */
    TestApp withExampleData() throws Exception {
        injector.getInstance(ChannelLinks.class).save(new ChannelLink(new ChannelId(CHANNEL), ACCOUNT, Language.EN,
                new SlackUserId(ADMIN), Instant.now()));
        injector.getInstance(OperatorRoles.class).grant(ACCOUNT, new SlackUserId(ANNA));
        importReports("offers-en.csv", "comments-en.csv");
        return this;
    }

    ImportCxReport.ImportSummary importReports(String... names) throws Exception {
        List<ReportFile> files = new java.util.ArrayList<>();
        for (String name : names) {
            try (InputStream in = TestApp.class.getResourceAsStream("/reports/" + name)) {
                files.add(ReportFile.ofBytes(name, in.readAllBytes()));
            }
        }
        return injector.getInstance(ImportCxReport.class).importReport(
                new ImportCxReport.ImportCxReportCommand(ACCOUNT, "test", Optional.empty(), files, false));
    }

    Offer offer(Marketplace marketplace, String sku) {
        return injector.getInstance(LoadOffer.class).load(new OfferId(ACCOUNT, marketplace, new Sku(sku))).orElseThrow();
    }

    record Answer(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String text() {
            JsonObject json = json();
            return json.has("blocks") ? json.get("blocks").toString() : json.has("text") ? json.get("text").getAsString() : body;
        }

        boolean announced() {
            return json().has("response_type") && json().get("response_type").getAsString().equals("in_channel");
        }
    }

    Answer command(String user, String text) throws Exception {
        return command(user, CHANNEL, FakeSlackApi.TEAM, text);
    }

    /** A slash command as Slack posts it (form fields of https://docs.slack.dev/interactivity/implementing-slash-commands). */
    Answer command(String user, String channel, String team, String text) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy");
        form.put("team_id", team);
        form.put("team_domain", "cx-test");
        form.put("channel_id", channel);
        form.put("channel_name", "cx-alerts");
        form.put("user_id", user);
        form.put("user_name", user.toLowerCase());
        form.put("command", "/cx");
        form.put("text", text);
        form.put("api_app_id", "A0CXAPP");
        form.put("response_url", slack.responseUrl("cmd"));
        form.put("trigger_id", trigger());
        form.put("is_enterprise_install", "false");
        return post(formBody(form));
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Answer interaction(String payloadJson) throws Exception {
        return post("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
    }

    /** An event in the envelope Slack's Events API wraps it in ({@code slack/event_callback.json}). */
    Answer event(String eventJson) throws Exception {
        return post(SlackPayloads.fill("event_callback.json", Map.of("TEAM", FakeSlackApi.TEAM, "EVENT", eventJson,
                "EVENT_ID", "Ev" + System.nanoTime(), "EVENT_TIME", Long.toString(Instant.now().getEpochSecond()))), "application/json");
    }

    Answer post(String body) throws Exception {
        return post(body, "application/x-www-form-urlencoded");
    }

    Answer post(String body, String contentType) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        return postSigned(body, contentType, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    Answer postSigned(String body, String contentType, String ts, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + SlackHttpServer.EVENTS_PATH))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ts != null) {
            request.header("X-Slack-Request-Timestamp", ts);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    Answer get(String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS = new java.util.concurrent.atomic.AtomicLong();

    /** A fresh trigger id, as Slack puts in every command and interaction (so no two real requests are alike). */
    static String trigger() {
        return "1337." + TRIGGERS.incrementAndGet() + ".abc";
    }

    /** A button press or menu choice on an alert card in {@code channel} ({@code slack/block_actions.message.json}). */
    String blockAction(String user, String channel, String actionId, String value, boolean select) {
        return SlackPayloads.fill("block_actions.message.json", Map.of("USER", user, "USER_NAME", user.toLowerCase(), "TEAM", FakeSlackApi.TEAM,
                "CHANNEL", channel, "MESSAGE_TS", CARD_TS, "TRIGGER", trigger(), "ACTION_ID", actionId, "VALUE", SlackPayloads.json(value),
                "RESPONSE_URL", slack.responseUrl("action"), "ACTION", action(actionId, value, select)));
    }

    /** The same on App Home ({@code slack/block_actions.home.json}): from a view, without channel or response_url. */
    String homeAction(String user, String actionId, String value, boolean select) {
        return SlackPayloads.fill("block_actions.home.json", Map.of("USER", user, "USER_NAME", user.toLowerCase(), "TEAM", FakeSlackApi.TEAM,
                "TRIGGER", trigger(), "ACTION_ID", actionId, "VALUE", SlackPayloads.json(value), "ACTION", action(actionId, value, select)));
    }

    private static String action(String actionId, String value, boolean select) {
        String v = SlackPayloads.json(value);
        return select
                ? "{\"type\":\"static_select\",\"action_id\":\"" + actionId + "\",\"block_id\":\"cx_actions\",\"selected_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"x\",\"emoji\":true},\"value\":\"" + v + "\"},\"placeholder\":{\"type\":\"plain_text\",\"text\":\"Choose\",\"emoji\":true},\"action_ts\":\"" + trigger() + "\"}"
                : "{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"block_id\":\"cx_actions\",\"text\":{\"type\":\"plain_text\",\"text\":\"Act\",\"emoji\":true},\"value\":\"" + v + "\",\"action_ts\":\"" + trigger() + "\"}";
    }

    /** A modal submitted ({@code slack/view_submission.json}); {@code stateValues} is the JSON of {@code view.state.values}. */
    String viewSubmission(String user, String callbackId, String privateMetadata, String stateValues) {
        return SlackPayloads.fill("view_submission.json", Map.of("USER", user, "USER_NAME", user.toLowerCase(), "TEAM", FakeSlackApi.TEAM,
                "TRIGGER", trigger(), "CALLBACK_ID", callbackId, "PRIVATE_METADATA", SlackPayloads.json(privateMetadata), "STATE_VALUES", stateValues));
    }

    static final String CARD_TS = "1700000000.000001";

    @Override
    public void close() {
        http.close();
        bot.stop();
        mongo.close();
        embedded.close();
        slack.close();
        slack.assertNoViolations();
    }
}
