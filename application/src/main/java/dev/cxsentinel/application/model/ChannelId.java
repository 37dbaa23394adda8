package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.InvalidValueException;
import java.util.regex.Pattern;

/** A Slack conversation (channel C…, private G…, direct message D…), or {@link #CONSOLE} for the local console. */
public record ChannelId(String value) {
    private static final Pattern FORM = Pattern.compile("[CDG][A-Z0-9]{2,20}|console");
    public static final ChannelId CONSOLE = new ChannelId("console");

    public ChannelId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("channel", String.valueOf(value), "channel");
        }
    }

    public boolean isDirectMessage() {
        return value.startsWith("D");
    }

    @Override
    public String toString() {
        return value;
    }
}
