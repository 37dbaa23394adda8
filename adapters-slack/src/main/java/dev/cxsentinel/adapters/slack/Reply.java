package dev.cxsentinel.adapters.slack;

/**
 * The answer to a command, in Slack mrkdwn. Ephemeral (only the user sees it) unless it announces an action the
 * team should see. A reply may carry a chart: Slack posts it into the channel as a file, the console writes it to
 * a file.
 */
public record Reply(String text, boolean announce, Chart chart) {
    /** A PNG image and the name it is posted under. */
    public record Chart(byte[] png, String filename) { }

    public Reply(String text, boolean announce) {
        this(text, announce, null);
    }

    public static Reply privately(String text) {
        return new Reply(text, false);
    }

    public static Reply toChannel(String text) {
        return new Reply(text, true);
    }

    public static Reply withChart(String text, Chart chart) {
        return new Reply(text, true, chart);
    }
}
