package dev.cxsentinel.adapters.slack;

import java.time.Duration;

/**
 * How to reach Slack. {@code signingSecret} enables HTTP mode, {@code appToken} Socket Mode (either or both).
 * {@code apiUrl} is the Web API base (GovSlack, tests). {@code teamId}, when set, is the only workspace served;
 * otherwise the bot token's workspace (from {@code auth.test}). {@code escalationMention} is prepended to the
 * last reminder ({@code <!here>} by default, or a user group such as {@code <!subteam^S0123>}).
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl, String teamId,
                            String escalationMention, Duration httpTimeout) {
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        apiUrl = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : (apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
        escalationMention = escalationMention == null || escalationMention.isBlank() ? "<!here>" : escalationMention;
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
    }

    public boolean httpMode() {
        return signingSecret != null && !signingSecret.isBlank();
    }

    public boolean socketMode() {
        return appToken != null && !appToken.isBlank();
    }

    /** Never the secrets: safe to log. */
    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", httpMode=" + httpMode() + ", socketMode=" + socketMode()
                + ", teamId=" + teamId + "]";
    }
}
