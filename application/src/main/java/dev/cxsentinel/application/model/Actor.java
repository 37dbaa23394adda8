package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.SlackUserId;
import java.util.Objects;

/** Who asks, and from which conversation: the conversation decides the seller account. */
public record Actor(SlackUserId user, ChannelId channel) {
    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(channel, "channel");
    }
}
