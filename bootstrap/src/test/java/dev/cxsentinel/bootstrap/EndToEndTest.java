package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.adapters.slack.AlertCard;
import dev.cxsentinel.adapters.slack.FakeSlackApi;
import dev.cxsentinel.adapters.slack.SignatureCheck;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story through the real application as `serve` runs it (bootstrap wiring, H2-backed embedded store, HTTP
 * mode) against a fake Slack Web API: link a channel, import a report with a closed offer, the card arrives,
 * an operator relists with a signed /cx relist, the thread and card show it, a later report shows the offer
 * active, and the follow-up says so.
 */
class EndToEndTest {
    static final String SECRET = "e2e0123456789abcdef0123456789abc";
    @TempDir
    Path dir;

    @Test
    void theWholeStory() throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-e2e-token", "SLACK_SIGNING_SECRET", SECRET,
                    "SLACK_API_URL", slack.apiUrl(), "PORT", "0", "CX_DATA_DIR", dir.resolve("data").toString(),
                    "CX_ADMINS", "U0ADMIN", "CX_LOG_LEVEL", "WARN");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Environment environment = new Environment(env, new BufferedReader(new StringReader("")),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            ServeCommand serve = new ServeCommand(environment);
            AtomicInteger exit = new AtomicInteger(-1);
            Thread server = new Thread(() -> {
                try {
                    exit.set(serve.call());
                } catch (Exception e) {
                    e.printStackTrace();
                    exit.set(99);
                }
            });
            server.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (serve.httpPort() <= 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(serve.httpPort() > 0, "serve started: " + out);
            Slack client = new Slack(serve.httpPort(), slack);

            assertTrue(client.command("U0ADMIN", "link A2EUQ1WTGCTBG2").contains("now receives CX Sentinel alerts"));
            assertTrue(client.command("U0ADMIN", "grant <@U0ANNA>").contains("may now act"));

            Path offers = dir.resolve("offers.csv");
            Files.writeString(offers, "marketplace,asin,sku,product_name,fulfillment_channel,cx_health,ncx_rate,last_offer_closed_date\n"
                    + "DE,B08N5WRWNW,HB-KETTLE-02,\"Kettle 1.0 l, glass\",FBA,Very poor,9.8%,2026-11-20\n"
                    + "DE,B07XJ8C8F5,HB-KETTLE-01,Kettle steel,FBA,Good,0.9%,\n");
            ByteArrayOutputStream importOut = new ByteArrayOutputStream();
            int imported = Main.run(new String[] {"import", "--account", "A2EUQ1WTGCTBG2", offers.toString()},
                    new Environment(env, new BufferedReader(new StringReader("")), new PrintStream(importOut, true, StandardCharsets.UTF_8),
                            new PrintStream(importOut, true, StandardCharsets.UTF_8)));
            assertEquals(0, imported, importOut.toString(StandardCharsets.UTF_8));
            assertTrue(importOut.toString(StandardCharsets.UTF_8).contains("new offers: 2"), importOut.toString(StandardCharsets.UTF_8));

            FakeSlackApi.Call card = slack.awaitCall(c -> c.method().equals("chat.postMessage") && c.param("_ok") != null
                    && c.param("text").contains("HB-KETTLE-02") && c.param("thread_ts") == null, Duration.ofSeconds(10));
            assertTrue(card.blocks().toString().contains(AlertCard.RELIST), "the card has its buttons");
            String cardTs = card.param("_ts");

            String relisted = client.command("U0ANNA", "relist HB-KETTLE-02 replaced the stock");
            assertTrue(relisted.contains("relisted"), relisted);
            FakeSlackApi.Call line = slack.awaitCall(c -> c.method().equals("chat.postMessage") && cardTs.equals(c.param("thread_ts"))
                    && c.param("text").startsWith("Relisted by"), Duration.ofSeconds(10));
            assertEquals("Relisted by <@U0ANNA>: replaced the stock", line.param("text"));
            FakeSlackApi.Call update = slack.awaitCall(c -> c.method().equals("chat.update") && cardTs.equals(c.param("ts")), Duration.ofSeconds(10));
            assertTrue(update.blocks().toString().contains("Relist pending"), update.blocks().toString());

            Files.writeString(offers, "marketplace,asin,sku,fulfillment_channel,cx_health,offer_status\n"
                    + "DE,B08N5WRWNW,HB-KETTLE-02,FBA,Very poor,Active\n");
            assertEquals(0, Main.run(new String[] {"import", "--account", "A2EUQ1WTGCTBG2", offers.toString()},
                    new Environment(env, new BufferedReader(new StringReader("")), new PrintStream(importOut, true, StandardCharsets.UTF_8),
                            new PrintStream(importOut, true, StandardCharsets.UTF_8))));
            FakeSlackApi.Call confirmed = slack.awaitCall(c -> c.method().equals("chat.postMessage") && cardTs.equals(c.param("thread_ts"))
                    && c.param("text").contains("confirms the relist"), Duration.ofSeconds(10));
            assertTrue(confirmed.param("text").contains("active again"));

            assertEquals(200, client.get("/healthz").statusCode());
            slack.assertNoViolations();
            serve.requestStop();
            server.join(30_000);
            assertEquals(0, exit.get(), out.toString(StandardCharsets.UTF_8));
            assertTrue(Files.exists(dir.resolve("data").resolve("cx-sentinel.mv.db")));
        }
    }

    /** Sends commands as Slack does: form-encoded and signed. */
    static final class Slack {
        private final int port;
        private final FakeSlackApi api;
        private final SignatureCheck signer = new SignatureCheck(SECRET);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Slack(int port, FakeSlackApi api) {
            this.port = port;
            this.api = api;
        }

        String command(String user, String text) throws Exception {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("team_id", FakeSlackApi.TEAM);
            form.put("channel_id", "C0ALERTS");
            form.put("user_id", user);
            form.put("command", "/cx");
            form.put("text", text);
            form.put("response_url", api.responseUrl("e2e"));
            String body = TestApp.formBody(form);
            String ts = Long.toString(Instant.now().getEpochSecond());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
