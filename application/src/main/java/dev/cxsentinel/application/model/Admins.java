package dev.cxsentinel.application.model;

import dev.cxsentinel.domain.SlackUserId;
import java.util.Set;

/** The Slack users who administer CX Sentinel (from {@code CX_ADMINS}): they link channels and grant roles. */
public record Admins(Set<SlackUserId> users) {
    public Admins {
        users = Set.copyOf(users);
    }

    public boolean contains(SlackUserId user) {
        return users.contains(user);
    }
}
