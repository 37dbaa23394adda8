package dev.cxsentinel.adapters.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoint on {@code PORT}: {@code POST /slack/events} (commands, interactivity and events, signature
 * checked before Bolt sees the request) and the GET routes given ({@code /healthz}, {@code /metrics}).
 *
 * <p>Served by Jetty 12 so that slow clients cannot stop it: request headers are parsed without holding a worker
 * thread, a body is read asynchronously and must arrive within {@link #READ_TIMEOUT} (and at no less than
 * {@link #MIN_DATA_RATE} bytes a second), an idle connection is closed after {@link #IDLE_TIMEOUT}, and the worker
 * pool is larger than any handful of slow connections. (The JDK's internal server, used before, stopped answering
 * with 16 clients sending a byte every 2 seconds.) Its length is Jetty's wiring of these limits; the Slack logic is
 * Bolt's.
 */
public final class SlackHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttpServer.class);
    public static final String EVENTS_PATH = "/slack/events";
    public static final int MAX_BODY = 1024 * 1024;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    static final long MIN_DATA_RATE = 512;

    private final Server server;
    private final ServerConnector connector;
    private final QueuedThreadPool threads;
    private final App bot;
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
    public SlackHttpServer(int port, App bolt, String signingSecret, Map<String, Supplier<HttpEndpoint>> routes) throws IOException {
        this(new InetSocketAddress(port), bolt, signingSecret, routes, Instant::now);
    }

    SlackHttpServer(InetSocketAddress address, App bolt, String signingSecret, Map<String, Supplier<HttpEndpoint>> routes,
                    Supplier<Instant> clock) throws IOException {
        this.bot = bolt;
        this.signatures = signingSecret == null ? null : new SignatureCheck(signingSecret);
        this.parser = bolt == null ? null : new SlackRequestParser(bolt.config());
        this.routes = Map.copyOf(routes);
        this.clock = clock;
        this.threads = new QueuedThreadPool(64, 4);
        threads.setName("cx-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setMinRequestDataRate(MIN_DATA_RATE);
        http.setRequestHeaderSize(16 * 1024);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostString().equals("0.0.0.0") ? null : address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        connector.setAcceptQueueSize(128);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
                return SlackHttpServer.this.handle(request, response, callback);
            }
        });
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the HTTP server could not start on port " + address.getPort() + ": " + e.getMessage(), e);
        }
    }

    public SlackHttpServer start() {
        LOG.info("HTTP server listening on port {}", port());
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    private boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (EVENTS_PATH.equals(path)) {
            if (!"POST".equals(method)) {
                send(response, callback, 405, "text/plain", "use POST");
            } else if (bot == null || signatures == null) {
                send(response, callback, 404, "text/plain", "Slack HTTP mode is off: set SLACK_SIGNING_SECRET");
            } else {
                readThenAnswer(request, response, callback);
            }
            return true;
        }
        Supplier<HttpEndpoint> route = routes.get(path);
        if (route == null || !"GET".equals(method)) {
            send(response, callback, 404, "text/plain", "not found");
            return true;
        }
        try {
            HttpEndpoint answer = route.get();
            send(response, callback, answer.status(), answer.contentType(), answer.body());
        } catch (RuntimeException e) {
            LOG.error("GET {} failed", path, e);
            send(response, callback, 500, "text/plain", "internal error");
        }
        return true;
    }

    /** Reads the body without holding a thread while the client is slow, then answers on a worker thread. */
    private void readThenAnswer(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        long declared = request.getLength();
        if (declared > MAX_BODY) {
            send(response, callback, 413, "text/plain", "request body larger than " + MAX_BODY + " bytes");
            return;
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
        }
        String remote = org.eclipse.jetty.server.Request.getRemoteAddr(request);
        Content.Source.asByteArrayAsync(request, MAX_BODY + 1)
                .orTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((body, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                        if (cause instanceof TimeoutException) {
                            request.fail(cause);
                            send(response, callback, 408, "text/plain", "request body not received within " + READ_TIMEOUT.toSeconds() + " s");
                        } else if (cause.getMessage() != null && cause.getMessage().contains("max")) {
                            send(response, callback, 413, "text/plain", "request body larger than " + MAX_BODY + " bytes");
                        } else {
                            callback.failed(cause);
                        }
                        return;
                    }
                    threads.execute(() -> slack(body, headers, remote, path(request), response, callback));
                });
    }

    private static String path(org.eclipse.jetty.server.Request request) {
        return request.getHttpURI().getPath();
    }

    private void slack(byte[] body, Map<String, List<String>> headers, String remote, String path,
                       org.eclipse.jetty.server.Response response, Callback callback) {
        if (body.length > MAX_BODY) {
            send(response, callback, 413, "text/plain", "request body larger than " + MAX_BODY + " bytes");
            return;
        }
        if (isSslCheck(body)) {
            // Slack's SSL check carries nothing to act on and may come unsigned (Slack's SDKs accept it so too).
            send(response, callback, 200, "text/plain", "");
            return;
        }
        String timestamp = first(headers, "x-slack-request-timestamp");
        String signature = first(headers, "x-slack-signature");
        if (!signatures.isValid(timestamp, signature, body, clock.get())) {
            send(response, callback, 401, "text/plain", "invalid or stale signature");
            return;
        }
        if (!replays.firstUse(signature, clock.get())) {
            LOG.warn("refused a replayed Slack request (the same signature again within {} minutes)", SignatureCheck.WINDOW.toMinutes());
            send(response, callback, 401, "text/plain", "replayed request");
            return;
        }
        Response answer;
        try {
            Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(path)
                    .queryString(Map.of())
                    .headers(new RequestHeaders(headers))
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(remote)
                    .build());
            if (request == null) {
                send(response, callback, 400, "text/plain", "not a Slack request");
                return;
            }
            answer = bot.run(request);
        } catch (Exception e) {
            LOG.warn("malformed Slack request: {}", SlackText.forLog(e.toString()));
            send(response, callback, 400, "text/plain", "malformed Slack request");
            return;
        }
        int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
        if (status >= 500) {
            LOG.warn("Bolt answered {}: {}", status, SlackText.forLog(answer.getBody()));
            status = 400;
        }
        send(response, callback, status, answer.getContentType() == null ? "text/plain" : answer.getContentType(),
                answer.getBody() == null ? "" : answer.getBody());
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static boolean isSslCheck(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.US_ASCII);
        return text.startsWith("ssl_check=1") || text.contains("&ssl_check=1");
    }

    private static void send(org.eclipse.jetty.server.Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Stops accepting requests and lets the ones in flight finish (up to 5 s). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
