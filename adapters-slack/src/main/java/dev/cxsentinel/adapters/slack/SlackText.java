package dev.cxsentinel.adapters.slack;

import dev.cxsentinel.domain.SlackUserId;
import java.util.Map;

/**
 * Text for Slack's mrkdwn. Everything that comes from outside (customer comments, product names, notes, command
 * arguments) goes through {@link #escape}, so {@code <!channel>} or {@code <@U…>} in it can never ping anyone.
 */
public final class SlackText {
    public static final int SECTION_LIMIT = 3000;

    private SlackText() {
    }

    /**
     * Slack's escaping of typed text ({@code &amp;} {@code &lt;} {@code &gt;}) undone, once, on the way in: what
     * the user typed is what is stored. Links and mentions Slack made ({@code <@U…|name>}) stay as they are.
     */
    public static String decode(String slackText) {
        if (slackText == null) {
            return null;
        }
        return slackText.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Text from a request made safe for one log line: no line breaks or control characters, at most 200 characters. */
    public static String forLog(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Escaped and shortened to {@code max} characters, on one line; cut between characters, never inside one. */
    public static String quote(String text, int max) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return escape(cut(oneLine, max));
    }

    /**
     * At most {@code max} chars, ending in "…" when cut: never between the two halves of a surrogate pair (an emoji
     * would reach Slack as "?") and never inside an entity such as {@code &amp;} of text already escaped.
     */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp >= end - 6 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Text from outside shown as code ({@code `SKU@DE`}): inside a code span Slack does not read {@code *}, {@code _}
     * or {@code ~}, so a SKU with them cannot break the surrounding formatting; a backtick, which would end the span,
     * is shown as the look-alike ˋ.
     */
    public static String code(String text) {
        return "`" + escape(text).replace('`', 'ˋ') + "`";
    }

    /** A time Slack shows in each reader's own time zone; {@code fallback} (UTC) where it cannot. */
    public static String time(java.time.Instant instant) {
        String fallback = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time}|" + fallback + ">";
    }

    public static String mention(SlackUserId user) {
        return "<@" + user.value() + ">";
    }

    private static final Map<String, String> EMOJI = Map.ofEntries(
            Map.entry(":red_circle:", "🔴"), Map.entry(":large_orange_circle:", "🟠"),
            Map.entry(":large_yellow_circle:", "🟡"), Map.entry(":large_green_circle:", "🟢"),
            Map.entry(":white_circle:", "⚪"), Map.entry(":rotating_light:", "🚨"),
            Map.entry(":warning:", "⚠️"), Map.entry(":information_source:", "ℹ️"),
            Map.entry(":white_check_mark:", "✅"), Map.entry(":alarm_clock:", "⏰"),
            Map.entry(":chart_with_downwards_trend:", "📉"), Map.entry(":chart_with_upwards_trend:", "📈"),
            Map.entry(":mag:", "🔍"), Map.entry(":hourglass_flowing_sand:", "⏳"),
            Map.entry(":zzz:", "💤"), Map.entry(":bar_chart:", "📊"), Map.entry(":no_entry:", "⛔"),
            Map.entry(":x:", "❌"), Map.entry(":tada:", "🎉"));

    /** Plain text for a terminal: {@link #plain} plus emoji characters for Slack's emoji names. */
    public static String console(String mrkdwn) {
        String text = plain(mrkdwn).replaceAll("(?<=^|\\s)_([^_\\n]+)_(?=$|[\\s.,:;])", "$1");
        text = text.replaceAll("`([^`\\n]+)`", "$1");
        for (var e : EMOJI.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    /** Turns mrkdwn into plain text for the console: mentions to @id, entities back to characters. */
    public static String plain(String mrkdwn) {
        return mrkdwn.replaceAll("<!date\\^[^|>]*\\|([^>]*)>", "$1")
                .replaceAll("<@([A-Z0-9]+)(\\|[^>]*)?>", "@$1")
                .replaceAll("<#([A-Z0-9]+)(\\|[^>]*)?>", "#$1")
                .replaceAll("<!([a-z]+)>", "@$1")
                .replaceAll("<(https?://[^|>]+)\\|([^>]+)>", "$2 ($1)")
                .replaceAll("\\*([^*\\n]+)\\*", "$1")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
