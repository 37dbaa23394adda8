package dev.cxsentinel.adapters.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server (the JDK's own; Bolt's Jetty 9 adapter is end of life): {@code POST /slack/events} for
 * commands, interactivity and events in HTTP mode, plus the operations routes given to it. Requests with a bad
 * or stale signature get 401, bodies over {@link #MAX_BODY} get 413, anything malformed gets 400 — never a 500.
 */
public final class SlackHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    public static final String EVENTS_PATH = "/slack/events";
    public static final int MAX_BODY = 1024 * 1024;

    static {
        // Without TCP_NODELAY the JDK server's responses wait ~40 ms for a delayed ACK (Nagle); read once, at first use.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final com.slack.api.bolt.App bot;
    private final SignatureCheck signatures;
    private final SlackRequestParser parser;
    private final Map<String, Supplier<HttpEndpoint>> routes;
    private final Supplier<Instant> clock;
    private final ReplayGuard replays = new ReplayGuard(SignatureCheck.WINDOW);

    /** {@code bot} null: no Slack HTTP mode (Socket Mode or none); only the given routes are served. */
    public SlackHttpServer(int port, SlackBot bot, String signingSecret, Map<String, Supplier<HttpEndpoint>> routes) throws IOException {
        this(port, bot == null ? null : bot.app(), signingSecret, routes);
    }

    /** Serves any Bolt app (the benchmarks compare ours with a bare one behind the same server). */
    public SlackHttpServer(int port, com.slack.api.bolt.App bolt, String signingSecret, Map<String, Supplier<HttpEndpoint>> routes) throws IOException {
        this(new InetSocketAddress(port), bolt, signingSecret, routes, Instant::now);
    }

    SlackHttpServer(InetSocketAddress address, com.slack.api.bolt.App bolt, String signingSecret, Map<String, Supplier<HttpEndpoint>> routes,
                    Supplier<Instant> clock) throws IOException {
        this.bot = bolt;
        this.signatures = signingSecret == null ? null : new SignatureCheck(signingSecret);
        this.parser = bolt == null ? null : new SlackRequestParser(bolt.config());
        this.routes = Map.copyOf(routes);
        this.clock = clock;
        this.server = HttpServer.create(address, 128);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "cx-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    public SlackHttpServer start() {
        server.start();
        LOG.info("HTTP server listening on port {}", port());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (EVENTS_PATH.equals(path)) {
                if (!"POST".equals(method)) {
                    send(exchange, 405, "text/plain", "use POST");
                } else if (bot == null || signatures == null) {
                    send(exchange, 404, "text/plain", "Slack HTTP mode is off: set SLACK_SIGNING_SECRET");
                } else {
                    slack(exchange);
                }
                return;
            }
            Supplier<HttpEndpoint> route = routes.get(path);
            if (route == null || !"GET".equals(method)) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            HttpEndpoint answer = route.get();
            send(exchange, answer.status(), answer.contentType(), answer.body());
        } catch (RuntimeException e) {
            LOG.error("HTTP request failed", e);
            send(exchange, 400, "text/plain", "bad request");
        } finally {
            exchange.close();
        }
    }

    private void slack(HttpExchange exchange) throws IOException {
        byte[] body = readLimited(exchange.getRequestBody());
        if (body == null) {
            send(exchange, 413, "text/plain", "request body larger than " + MAX_BODY + " bytes");
            return;
        }
        if (isSslCheck(body)) {
            // Slack's SSL check carries nothing to act on and may come unsigned (Slack's SDKs accept it so too).
            send(exchange, 200, "text/plain", "");
            return;
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
        if (!signatures.isValid(timestamp, signature, body, clock.get())) {
            send(exchange, 401, "text/plain", "invalid or stale signature");
            return;
        }
        if (!replays.firstUse(signature, clock.get())) {
            LOG.warn("refused a replayed Slack request (the same signature again within {} minutes)", SignatureCheck.WINDOW.toMinutes());
            send(exchange, 401, "text/plain", "replayed request");
            return;
        }
        Response response;
        try {
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(exchange.getRequestURI().getPath())
                    .queryString(Map.of())
                    .headers(new RequestHeaders(headers))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .build());
            if (request == null) {
                send(exchange, 400, "text/plain", "not a Slack request");
                return;
            }
            response = bot.run(request);
        } catch (Exception e) {
            LOG.warn("malformed Slack request: {}", e.toString());
            send(exchange, 400, "text/plain", "malformed Slack request");
            return;
        }
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode();
        if (status >= 500) {
            LOG.warn("Bolt answered {}: {}", status, response.getBody());
            status = 400;
        }
        send(exchange, status, response.getContentType() == null ? "text/plain" : response.getContentType(),
                response.getBody() == null ? "" : response.getBody());
    }

    static boolean isSslCheck(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.US_ASCII);
        return text.startsWith("ssl_check=1") || text.contains("&ssl_check=1");
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_BODY + 1);
        return data.length > MAX_BODY ? null : data;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops accepting requests and lets the ones in flight finish (up to 5 s). */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
