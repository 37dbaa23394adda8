package dev.cxsentinel.adapters.slack;

/**
 * The answer to a command, in Slack mrkdwn. Ephemeral (only the user sees it) unless it announces an action the
 * team should see.
 */
public record Reply(String text, boolean announce) {
    public static Reply privately(String text) {
        return new Reply(text, false);
    }

    public static Reply toChannel(String text) {
        return new Reply(text, true);
    }
}
