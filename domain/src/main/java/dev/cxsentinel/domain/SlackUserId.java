package dev.cxsentinel.domain;

import java.util.regex.Pattern;

/** A Slack user, as Slack names it ({@code U024BE7LH}, {@code W012A3CDE}), or the local console user. */
public record SlackUserId(String value) {
    private static final Pattern FORM = Pattern.compile("[UWB][A-Z0-9]{2,20}");
    public static final SlackUserId CONSOLE = new SlackUserId("UCONSOLE");

    public SlackUserId {
        Text.requireText(value, "slack-user");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException("slack-user", value, "slack-user");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
