package dev.cxsentinel.bootstrap;

import dev.cxsentinel.adapters.mongo.MongoStore;
import dev.cxsentinel.adapters.slack.SlackSettings;
import dev.cxsentinel.application.model.AlertSettings;
import dev.cxsentinel.application.model.ReviewSchedule;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.SlackUserId;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration, read from the environment and checked as a whole. {@link #toString()} never shows a secret.
 * Its length is one short check per variable of the external contract, kept in one place so that every problem
 * is listed at once and the README's table has one counterpart.
 */
public record Config(String mongoUri, String mongoDatabase, Path dataDir, SlackSettings slack, int port,
                     Set<SlackUserId> admins, AlertSettings alerts, String logFormat, ReviewSchedule reviews) {

    public static final int DEFAULT_PORT = 3000;

    public boolean slackConfigured() {
        return slack.botToken() != null;
    }

    /** Reads and checks every variable; throws {@link ConfigException} listing every problem. */
    public static Config from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String mongoUri = value(env, "MONGODB_URI");
        if (mongoUri != null) {
            if (!mongoUri.startsWith("mongodb://") && !mongoUri.startsWith("mongodb+srv://")) {
                problems.add("MONGODB_URI must start with mongodb:// or mongodb+srv:// (found '" + redact(mongoUri) + "').");
            } else {
                MongoStore.problemWith(mongoUri).ifPresent(p -> problems.add("MONGODB_URI is not a valid connection string: " + p));
            }
        }
        String database = orDefault(value(env, "MONGODB_DATABASE"), "cx_sentinel");
        if (!database.matches("[A-Za-z0-9_\\-]{1,63}")) {
            problems.add("MONGODB_DATABASE must be 1–63 letters, digits, '_' or '-' (found '" + database + "').");
        }
        Path dataDir = Path.of(orDefault(value(env, "CX_DATA_DIR"), "./data"));

        String botToken = value(env, "SLACK_BOT_TOKEN");
        String signingSecret = value(env, "SLACK_SIGNING_SECRET");
        String appToken = value(env, "SLACK_APP_TOKEN");
        checkSlack(botToken, signingSecret, appToken, problems);
        String apiUrl = value(env, "SLACK_API_URL");
        if (apiUrl != null && !isHttpUrl(apiUrl)) {
            problems.add("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/ (found '" + redact(apiUrl) + "').");
        }
        String teamId = value(env, "SLACK_TEAM_ID");
        if (teamId != null && !teamId.matches("[TE][A-Z0-9]{2,20}")) {
            problems.add("SLACK_TEAM_ID must be a Slack workspace id such as T024BE7LD (found '" + teamId + "').");
        }
        SlackSettings slack = new SlackSettings(botToken, signingSecret, appToken, apiUrl, teamId,
                value(env, "CX_ESCALATION_MENTION"), null);

        int port = port(value(env, "PORT"), problems);
        Set<SlackUserId> admins = admins(value(env, "CX_ADMINS"), problems);
        Duration interval = duration("CX_REMINDER_INTERVAL", orDefault(value(env, "CX_REMINDER_INTERVAL"), "24h"), problems);
        int maxReminders = number("CX_MAX_REMINDERS", orDefault(value(env, "CX_MAX_REMINDERS"), "3"), 0, 20, problems);
        String logFormat = orDefault(value(env, "CX_LOG_FORMAT"), "text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            problems.add("CX_LOG_FORMAT must be text or json (found '" + logFormat + "').");
        }
        ReviewSchedule reviews = reviewSchedule(value(env, "CX_WEEKLY_REVIEW"), value(env, "CX_WEEKLY_REVIEW_ZONE"), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Config(mongoUri, database, dataDir, slack, port, admins,
                new AlertSettings(interval, maxReminders), logFormat, reviews);
    }

    private static void checkSlack(String botToken, String signingSecret, String appToken, List<String> problems) {
        if (botToken != null && !botToken.startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (it starts with '" + prefix(botToken) + "').");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            problems.add("SLACK_APP_TOKEN must be an app-level token starting with xapp- (it starts with '" + prefix(appToken) + "').");
        }
        if (signingSecret != null && !signingSecret.matches("[A-Za-z0-9]{16,128}")) {
            problems.add("SLACK_SIGNING_SECRET must be the app's signing secret (letters and digits, from Basic Information).");
        }
        if (botToken != null && signingSecret == null && appToken == null) {
            problems.add("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is: set one of them.");
        }
        if (botToken == null && (signingSecret != null || appToken != null)) {
            problems.add((signingSecret != null ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN")
                    + " is set but SLACK_BOT_TOKEN is not: set the bot token (xoxb-…) from OAuth & Permissions.");
        }
    }

    private static String prefix(String token) {
        return token.length() <= 5 ? token.replaceAll(".", "*") : token.substring(0, 5) + "…";
    }

    /** A URL with any user info (name, password, token) masked, for messages. */
    static String redact(String uri) {
        return uri.replaceAll("(^|//)[^@/\\s]*@", "$1***@");
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(String text, List<String> problems) {
        if (text == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("PORT must be a number from 1 to 65535, or 0 for any free port (found '" + text + "').");
        return DEFAULT_PORT;
    }

    /** For {@code serve}: the HTTP port must be free. */
    public void requirePortFree() {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new ConfigException(List.of("PORT " + port + " is in use by another program: stop it or set PORT to a free port."));
        }
    }

    private static Set<SlackUserId> admins(String text, List<String> problems) {
        Set<SlackUserId> admins = new LinkedHashSet<>();
        if (text == null) {
            return admins;
        }
        for (String id : text.split("[,;\\s]+")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                admins.add(new SlackUserId(id.strip()));
            } catch (InvalidValueException e) {
                problems.add("CX_ADMINS must list Slack user ids such as U024BE7LH, separated by commas (found '" + id + "').");
            }
        }
        return admins;
    }

    private static final Pattern WEEKLY = Pattern.compile("([a-z]{2,9})\\s+(\\d{1,2})(?::(\\d{2}))?");

    /** {@code CX_WEEKLY_REVIEW}: {@code MON 09:00} (the default), a day and an hour, or {@code off}. */
    static ReviewSchedule reviewSchedule(String when, String zoneText, List<String> problems) {
        ZoneId zone = null;
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                problems.add("CX_WEEKLY_REVIEW_ZONE must be a time zone such as Europe/Berlin or UTC (found '" + zoneText + "').");
            }
        }
        if (when == null) {
            return new ReviewSchedule(true, ReviewSchedule.DEFAULT.day(), ReviewSchedule.DEFAULT.time(), zone);
        }
        String text = when.strip().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("false") || text.equals("no")) {
            return ReviewSchedule.OFF;
        }
        Matcher m = WEEKLY.matcher(text);
        Optional<DayOfWeek> day = m.matches() ? dayOfWeek(m.group(1)) : Optional.empty();
        int hour = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        int minute = m.matches() && m.group(3) != null ? Integer.parseInt(m.group(3)) : 0;
        if (day.isEmpty() || hour > 23 || minute > 59) {
            problems.add("CX_WEEKLY_REVIEW must be a day and a time such as MON 09:00 or FRIDAY 16:30, or off (found '" + when + "').");
            return ReviewSchedule.DEFAULT;
        }
        return new ReviewSchedule(true, day.get(), LocalTime.of(hour, minute), zone);
    }

    private static Optional<DayOfWeek> dayOfWeek(String word) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (name.equals(word) || name.substring(0, 3).equals(word)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

    private static Duration duration(String name, String text, List<String> problems) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        problems.add(name + " must be a positive duration such as 24h, 90m or 2d (found '" + text + "').");
        return Duration.ofHours(24);
    }

    private static int number(String name, String text, int min, int max, List<String> problems) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + " (found '" + text + "').");
        return min;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public String toString() {
        return "Config[store=" + (mongoUri == null ? "embedded in " + dataDir : "MongoDB " + redact(mongoUri) + "/" + mongoDatabase)
                + ", slack=" + slack + ", port=" + port + ", admins=" + admins.size() + ", logFormat=" + logFormat
                + ", weeklyReview=" + (reviews.enabled() ? reviews.day() + " " + reviews.time() + (reviews.zone() == null ? "" : " " + reviews.zone()) : "off") + "]";
    }
}
