package dev.cxsentinel.adapters.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import dev.cxsentinel.domain.Language;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt middleware that every request passes before a handler runs:
 * <ul>
 *   <li>only our workspace is served: every team id the payload carries (top-level {@code team_id}, {@code team.id},
 *   {@code view.team_id}) must be ours, and at least one must be there; the one exception is Slack's signed
 *   {@code url_verification} challenge, which names no workspace and only asks for its challenge back;</li>
 *   <li>an event is handled once: a delivery whose {@code event_id} was seen (Slack's retries with
 *   {@code X-Slack-Retry-Num}, or a replay) is acknowledged and dropped;</li>
 *   <li>every event is answered 200 — handled or deliberately ignored — because Slack disables the subscriptions
 *   of an app that fails more than 5 % of deliveries in an hour.</li>
 * </ul>
 * What it logs from a request is made safe first ({@link SlackText#forLog}).
 */
final class RequestGuard {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    static final int EVENTS_REMEMBERED = 10_000;

    private final Supplier<String> workspace;
    private final BiConsumer<String, String> tellForeignUser;
    private final Map<String, Boolean> seenEvents = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > EVENTS_REMEMBERED;
        }
    };

    /** {@code tellForeignUser} answers a click from another workspace through its response_url (url, text). */
    RequestGuard(Supplier<String> workspace, BiConsumer<String, String> tellForeignUser) {
        this.workspace = workspace;
        this.tellForeignUser = tellForeignUser;
    }

    /** What the guard reads from a request body: the team ids it names, the event id, a response_url. */
    record Facts(Set<String> teams, String eventId, String responseUrl) {
        Facts(Set<String> teams, String eventId) {
            this(teams, eventId, null);
        }
    }

    Response apply(Request<?> req, Response resp, MiddlewareChain chain) throws Exception {
        if (req.getRequestType() == RequestType.UrlVerification) {
            // Slack checks the Request URL with a signed challenge that names no workspace; it only echoes the challenge.
            return chain.next(req);
        }
        Facts facts = facts(req.getRequestBodyAsString());
        String expected = workspace.get();
        if (expected == null || facts.teams().isEmpty() || !Set.of(expected).containsAll(facts.teams())) {
            LOG.warn("refused a {} request from workspace {}", req.getRequestType(), SlackText.forLog(String.join(",", facts.teams())));
            String refusal = ":no_entry: " + Messages.get(Language.EN, "error.workspace");
            if (req.getRequestType() == RequestType.Command) {
                return Response.json(200, Map.of("response_type", "ephemeral", "text", refusal));
            }
            if (req.getRequestType() == RequestType.BlockAction && facts.responseUrl() != null && !facts.teams().isEmpty()) {
                tellForeignUser.accept(facts.responseUrl(), refusal);
            }
            return Response.ok();
        }
        if (req.getRequestType() == RequestType.Event && facts.eventId() != null && !firstTime(facts.eventId())) {
            LOG.debug("event {} delivered again (retry {}); already handled", SlackText.forLog(facts.eventId()),
                    SlackText.forLog(req.getHeaders().getFirstValue("X-Slack-Retry-Num")));
            return Response.ok();
        }
        Response response = chain.next(req);
        if (req.getRequestType() == RequestType.Event && response.getStatusCode() != null && response.getStatusCode() == 404) {
            return Response.ok();
        }
        return response;
    }

    private synchronized boolean firstTime(String eventId) {
        return seenEvents.put(eventId, Boolean.TRUE) == null;
    }

    /** Reads the team ids and the event id from a form-encoded or JSON body; a malformed body names no team. */
    static Facts facts(String body) {
        Set<String> teams = new LinkedHashSet<>();
        String eventId = null;
        if (body == null || body.isBlank()) {
            return new Facts(teams, null);
        }
        try {
            String json = body.strip();
            if (!json.startsWith("{")) {
                Map<String, String> form = form(body);
                if (!form.containsKey("payload")) {
                    add(teams, form.get("team_id"));
                    return new Facts(teams, null);
                }
                json = form.get("payload");
            }
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            add(teams, string(o, "team_id"));
            add(teams, string(object(o, "team"), "id"));
            add(teams, string(object(o, "view"), "team_id"));
            eventId = string(o, "event_id");
            return new Facts(teams, eventId, string(o, "response_url"));
        } catch (RuntimeException malformed) {
            return new Facts(Set.of(), null);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void add(Set<String> teams, String team) {
        if (team != null && !team.isBlank()) {
            teams.add(team);
        }
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o == null ? null : o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o == null ? null : o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
