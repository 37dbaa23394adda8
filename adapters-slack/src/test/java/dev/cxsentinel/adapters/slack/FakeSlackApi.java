package dev.cxsentinel.adapters.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API: records every call and answers like Slack does, including the faults a
 * test asks for (HTTP 429 with Retry-After, 500, slow answers, {@code ok:false} errors). Also serves
 * {@code response_url} posts and private file downloads. Optionally enforces Slack's pace of one message per
 * second per channel with 429s.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM = "T0TEST";
    public static final String BOT_USER = "U0BOT";

    /** One recorded request. */
    public record Call(String method, Map<String, String> params, String body, String authorization, Instant at) {
        public String param(String name) {
            return params.get(name);
        }

        public JsonArray blocks() {
            String blocks = params.get("blocks");
            if (blocks == null && body != null && body.startsWith("{")) {
                JsonElement b = JsonParser.parseString(body).getAsJsonObject().get("blocks");
                return b == null ? new JsonArray() : b.getAsJsonArray();
            }
            return blocks == null ? new JsonArray() : JsonParser.parseString(blocks).getAsJsonArray();
        }

        /** Everything a reader would see: text and blocks. */
        public String visibleText() {
            return params.getOrDefault("text", "") + " " + blocks() + (body == null ? "" : body);
        }
    }

    /** A scripted answer. */
    public record Fault(int status, String retryAfter, String error, long delayMillis) {
        public static Fault status(int status) {
            return new Fault(status, null, null, 0);
        }

        public static Fault rateLimited(int seconds) {
            return new Fault(429, Integer.toString(seconds), null, 0);
        }

        public static Fault error(String error) {
            return new Fault(200, null, error, 0);
        }

        /** Answers only after {@code millis}, with a 504: the client has given up by then and nothing was posted. */
        public static Fault slow(long millis) {
            return new Fault(504, null, null, millis);
        }
    }

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, String> failingChannels = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastPost = new HashMap<>();
    private final AtomicLong ts = new AtomicLong();
    private volatile Duration channelPace;
    private volatile int rateLimited;

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::responseUrl);
        server.createContext("/files/", this::file);
        server.createContext("/upload/", this::upload);
        server.start();
    }

    private final Map<String, String[]> fileInfos = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> violations = new java.util.ArrayList<>();
    private final Map<String, byte[]> uploads = new java.util.concurrent.ConcurrentHashMap<>();

    /** The bytes uploaded to the URL files.getUploadURLExternal gave for {@code fileId}. */
    public byte[] uploaded(String fileId) {
        return uploads.get(fileId);
    }

    /** Every body the app sent that real Slack would refuse (see {@link BlockKitValidator}). */
    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Fails the test when the app sent anything real Slack would refuse. */
    public void assertNoViolations() {
        List<String> found = violations();
        if (!found.isEmpty()) {
            throw new AssertionError("bodies real Slack would refuse:\n" + String.join("\n", found));
        }
    }

    public String apiUrl() {
        return base() + "/api/";
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String responseUrl(String id) {
        return base() + "/response/" + id;
    }

    /** Serves {@code content} at Slack's private download address of a file and answers {@code files.info} for {@code id}. */
    public String fileUrl(String id, String name, byte[] content) {
        files.put(name, content);
        String url = base() + "/files/" + name;
        registerFileInfo(id, name, content.length, url);
        return url;
    }

    private final Map<String, Long> generatedFiles = new java.util.concurrent.ConcurrentHashMap<>();

    /** Serves {@code bytes} generated bytes (not held in memory) at a private download address; the caller says what files.info declares. */
    public String generatedFileUrl(String name, long bytes) {
        generatedFiles.put(name, bytes);
        return base() + "/files/" + name;
    }

    /** What {@code files.info} says of file {@code id}: its name, size and download address (which may be anywhere). */
    public void registerFileInfo(String id, String name, long size, String downloadUrl) {
        fileInfos.put(id, new String[] {name, String.valueOf(size), downloadUrl});
    }

    public void enqueue(String method, Fault... scripted) {
        Deque<Fault> queue = faults.computeIfAbsent(method, k -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addAll(List.of(scripted));
        }
    }

    public void failChannel(String channel, String error) {
        failingChannels.put(channel, error);
    }

    /** Answer 429 (Retry-After: 1) to a second post into one channel within {@code pace}. */
    public void enforceChannelPace(Duration pace) {
        this.channelPace = pace;
    }

    public int rateLimitedCount() {
        return rateLimited;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public synchronized List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    public synchronized void reset() {
        calls.clear();
        faults.clear();
        failingChannels.clear();
        lastPost.clear();
    }

    /** Successful posts (the ones Slack would show). */
    public List<Call> delivered() {
        return calls(c -> c.method().equals("chat.postMessage") && c.params().containsKey("_ok"));
    }

    public Call awaitCall(Predicate<Call> filter, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Call> found = calls(filter);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching call to the fake Slack API within " + timeout + "; calls: " + calls());
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = parse(body, exchange.getRequestHeaders().getFirst("Content-Type"));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Map<String, String> recorded = new LinkedHashMap<>(params);
        Fault fault = nextFault(method);
        String answer;
        int status = 200;
        String retryAfter = null;
        if (fault != null && fault.delayMillis() > 0) {
            sleep(fault.delayMillis());
        }
        if (fault != null && fault.status() != 200) {
            status = fault.status();
            retryAfter = fault.retryAfter();
            answer = status == 429 ? "{\"ok\":false,\"error\":\"ratelimited\"}" : "<html>server error</html>";
        } else if (fault != null && fault.error() != null) {
            answer = "{\"ok\":false,\"error\":\"" + fault.error() + "\"}";
        } else if (!BlockKitValidator.validate(method, params, body).isEmpty()) {
            List<String> problems = BlockKitValidator.validate(method, params, body);
            synchronized (this) {
                violations.add(method + ": " + String.join("; ", problems));
            }
            answer = "{\"ok\":false,\"error\":\"" + (problems.stream().anyMatch(p -> p.startsWith("msg_blocks_too_long"))
                    ? "msg_blocks_too_long" : "invalid_blocks") + "\"}";
        } else if (method.startsWith("chat.post") && failingChannels.containsKey(params.get("channel"))) {
            answer = "{\"ok\":false,\"error\":\"" + failingChannels.get(params.get("channel")) + "\"}";
        } else if (method.equals("chat.postMessage") && tooFast(params.get("channel"))) {
            status = 429;
            retryAfter = "1";
            answer = "{\"ok\":false,\"error\":\"ratelimited\"}";
        } else {
            answer = success(method, params);
            if (method.equals("chat.postMessage")) {
                recorded.put("_ok", "true");
                recorded.put("_ts", JsonParser.parseString(answer).getAsJsonObject().get("ts").getAsString());
            }
        }
        synchronized (this) {
            calls.add(new Call(method, recorded, body, auth, Instant.now()));
        }
        exchange.getResponseHeaders().set("Content-Type", status == 500 ? "text/html" : "application/json; charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        send(exchange, status, answer);
    }

    private synchronized boolean tooFast(String channel) {
        Duration pace = channelPace;
        if (pace == null || channel == null) {
            return false;
        }
        Instant now = Instant.now();
        Instant last = lastPost.get(channel);
        if (last != null && Duration.between(last, now).compareTo(pace) < 0) {
            rateLimited++;
            return true;
        }
        lastPost.put(channel, now);
        return false;
    }

    private Fault nextFault(String method) {
        Deque<Fault> queue = faults.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private String success(String method, Map<String, String> params) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        switch (method) {
            case "auth.test" -> {
                o.addProperty("url", "https://cx-test.slack.com/");
                o.addProperty("team", "CX Test");
                o.addProperty("user", "cxbot");
                o.addProperty("team_id", TEAM);
                o.addProperty("user_id", BOT_USER);
                o.addProperty("bot_id", "B0BOT");
            }
            case "chat.postMessage", "chat.update" -> {
                String messageTs = method.equals("chat.update") ? params.get("ts")
                        : String.format("1700000000.%06d", ts.incrementAndGet());
                o.addProperty("channel", params.get("channel"));
                o.addProperty("ts", messageTs);
            }
            case "bots.info" -> {
                // https://api.slack.com/methods/bots.info: Bolt asks it to ignore the app's own bot messages.
                JsonObject bot = new JsonObject();
                String id = params.getOrDefault("bot", "B0BOT");
                bot.addProperty("id", id);
                bot.addProperty("deleted", false);
                bot.addProperty("name", id.equals("B0BOT") ? "cx-sentinel" : "other-bot");
                bot.addProperty("app_id", id.equals("B0BOT") ? "A0CXAPP" : "A0OTHER");
                bot.addProperty("user_id", id.equals("B0BOT") ? BOT_USER : "U0OTHERBOT");
                o.add("bot", bot);
            }
            case "files.getUploadURLExternal" -> {
                // https://api.slack.com/methods/files.getUploadURLExternal
                String id = "F0UP" + uploads.size();
                o.addProperty("upload_url", base() + "/upload/" + id);
                o.addProperty("file_id", id);
            }
            case "files.completeUploadExternal" -> {
                // https://api.slack.com/methods/files.completeUploadExternal
                com.google.gson.JsonArray done = JsonParser.parseString(params.getOrDefault("files", "[]")).getAsJsonArray();
                com.google.gson.JsonArray files = new com.google.gson.JsonArray();
                for (JsonElement f : done) {
                    String id = f.getAsJsonObject().get("id").getAsString();
                    byte[] bytes = uploads.getOrDefault(id, new byte[0]);
                    String title = f.getAsJsonObject().has("title") ? f.getAsJsonObject().get("title").getAsString() : id;
                    registerFileInfo(id, title, bytes.length, base() + "/files/" + id);
                    JsonObject file = new JsonObject();
                    file.addProperty("id", id);
                    file.addProperty("title", title);
                    files.add(file);
                }
                o.add("files", files);
            }
            case "files.info" -> {
                // The response shape of https://api.slack.com/methods/files.info (trimmed to the fields we read).
                String[] info = fileInfos.get(params.get("file"));
                if (info == null) {
                    o.addProperty("ok", false);
                    o.addProperty("error", "file_not_found");
                    break;
                }
                JsonObject file = new JsonObject();
                file.addProperty("id", params.get("file"));
                file.addProperty("name", info[0]);
                file.addProperty("filetype", info[0].substring(info[0].lastIndexOf('.') + 1));
                file.addProperty("size", Long.parseLong(info[1]));
                file.addProperty("url_private", info[2]);
                file.addProperty("url_private_download", info[2]);
                o.add("file", file);
            }
            case "chat.postEphemeral" -> o.addProperty("message_ts", String.format("1700000000.%06d", ts.incrementAndGet()));
            case "views.open", "views.publish" -> {
                JsonObject view = new JsonObject();
                view.addProperty("id", "V0VIEW");
                o.add("view", view);
            }
            default -> { }
        }
        return o.toString();
    }

    /** The upload URL of Slack's external upload flow: takes the file's bytes (raw or multipart), answers "OK". */
    private void upload(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        uploads.put(id, body);
        synchronized (this) {
            calls.add(new Call("upload", Map.of("file_id", id, "bytes", Integer.toString(body.length)), null,
                    exchange.getRequestHeaders().getFirst("Authorization"), Instant.now()));
        }
        send(exchange, 200, "OK - " + body.length);
    }

    private void responseUrl(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonObject json = JsonParser.parseString(body).getAsJsonObject();
            json.entrySet().forEach(e -> params.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        } catch (RuntimeException e) {
            params.put("raw", body);
        }
        List<String> problems = params.containsKey("raw") ? List.of() : BlockKitValidator.validate("response_url", params, body);
        synchronized (this) {
            calls.add(new Call("response_url", params, body, null, Instant.now()));
            if (!problems.isEmpty()) {
                violations.add("response_url: " + String.join("; ", problems));
            }
        }
        if (!problems.isEmpty()) {
            send(exchange, 400, "invalid_blocks");
            return;
        }
        send(exchange, 200, "ok");
    }

    private void file(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/files/".length());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            calls.add(new Call("file", Map.of("name", name), null, auth, Instant.now()));
        }
        Long generated = generatedFiles.get(name);
        if (generated != null && auth != null && auth.startsWith("Bearer xoxb-")) {
            exchange.getResponseHeaders().set("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "marketplace,asin,sku,fulfillment_channel,cx_health\n".repeat(1300).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < generated; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, generated - sent));
                }
            } catch (IOException clientStopped) {
                // the app stops reading at its limit
            }
            return;
        }
        byte[] content = files.get(name);
        if (auth == null || !auth.startsWith("Bearer xoxb-") || content == null) {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            send(exchange, 200, "<html>Sign in to Slack</html>");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/csv");
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    private static Map<String, String> parse(String body, String contentType) {
        Map<String, String> params = new LinkedHashMap<>();
        if (contentType != null && contentType.contains("json")) {
            try {
                JsonObject json = JsonParser.parseString(body).getAsJsonObject();
                json.entrySet().forEach(e -> params.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
            } catch (RuntimeException e) {
                params.put("raw", body);
            }
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
