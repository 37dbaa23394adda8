package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cxsentinel.application.model.ReviewSchedule;
import java.net.ServerSocket;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsNeedNothing() {
        Config config = Config.from(Map.of());
        assertEquals(3000, config.port());
        assertEquals(java.nio.file.Path.of("./data"), config.dataDir());
        assertEquals("cx_sentinel", config.mongoDatabase());
        assertFalse(config.slackConfigured());
        assertEquals(Duration.ofHours(24), config.alerts().reminderInterval());
        assertEquals(3, config.alerts().maxReminders());
    }

    @Test
    void theWeeklyReviewIsMondayNineByDefaultConfigurableAndCanBeTurnedOff() {
        ReviewSchedule byDefault = Config.from(Map.of()).reviews();
        assertEquals(new ReviewSchedule(true, DayOfWeek.MONDAY, LocalTime.of(9, 0), null), byDefault);
        assertEquals(new ReviewSchedule(true, DayOfWeek.FRIDAY, LocalTime.of(16, 30), ZoneId.of("America/New_York")),
                Config.from(Map.of("CX_WEEKLY_REVIEW", "friday 16:30", "CX_WEEKLY_REVIEW_ZONE", "America/New_York")).reviews());
        assertEquals(DayOfWeek.TUESDAY, Config.from(Map.of("CX_WEEKLY_REVIEW", "TUE 8")).reviews().day());
        assertFalse(Config.from(Map.of("CX_WEEKLY_REVIEW", "off")).reviews().enabled());
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of("CX_WEEKLY_REVIEW", "someday 25:00",
                "CX_WEEKLY_REVIEW_ZONE", "Mars/Olympus")));
        assertTrue(e.getMessage().contains("CX_WEEKLY_REVIEW must be a day and a time such as MON 09:00"), e.getMessage());
        assertTrue(e.getMessage().contains("CX_WEEKLY_REVIEW_ZONE must be a time zone such as Europe/Berlin"), e.getMessage());
    }

    @Test
    void everyProblemIsListedAtOnce() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.from(Map.of(
                "SLACK_BOT_TOKEN", "xoxp-user-token", "PORT", "http", "CX_ADMINS", "anna,U0BEN",
                "MONGODB_URI", "http://db.example", "SLACK_API_URL", "ftp://x", "CX_LOG_FORMAT", "xml",
                "CX_REMINDER_INTERVAL", "soon", "CX_MAX_REMINDERS", "99")));
        String message = e.getMessage();
        for (String name : new String[] {"SLACK_BOT_TOKEN must be a bot token", "neither SLACK_SIGNING_SECRET", "PORT must be",
                "CX_ADMINS must list", "MONGODB_URI must start", "SLACK_API_URL must be", "CX_LOG_FORMAT", "CX_REMINDER_INTERVAL", "CX_MAX_REMINDERS"}) {
            assertTrue(message.contains(name), name + " missing from:\n" + message);
        }
        assertEquals(9, e.problems().size(), message);
        assertFalse(message.contains("xoxp-user-token"), "secrets are never shown");
    }

    @Test
    void contradictoryOrMalformedSlackSettingsAreRefused() {
        assertTrue(assertThrows(ConfigException.class, () -> Config.from(Map.of("SLACK_APP_TOKEN", "xapp-1-A")))
                .getMessage().contains("SLACK_BOT_TOKEN is not"));
        assertTrue(assertThrows(ConfigException.class, () -> Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")))
                .getMessage().contains("SLACK_APP_TOKEN must be an app-level token"));
        assertTrue(assertThrows(ConfigException.class, () -> Config.from(Map.of("MONGODB_URI", "mongodb://")))
                .getMessage().contains("MONGODB_URI is not a valid connection string"));
    }

    @Test
    void slackModesAreRecognisedAndSecretsStayOutOfToString() {
        Config http = Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-secret-token", "SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef",
                "CX_ADMINS", "U0ANNA, U0BEN", "MONGODB_URI", "mongodb://user:pw@db.example:27017/?replicaSet=rs0"));
        assertTrue(http.slack().httpMode());
        assertFalse(http.slack().socketMode());
        assertEquals(2, http.admins().size());
        String shown = http.toString();
        assertFalse(shown.contains("xoxb-secret-token") || shown.contains("0123456789abcdef0123456789abcdef") || shown.contains("pw@"), shown);
    }

    @Test
    void aPortInUseIsAConfigurationProblem() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Config config = Config.from(Map.of("PORT", Integer.toString(taken.getLocalPort())));
            ConfigException e = assertThrows(ConfigException.class, config::requirePortFree);
            assertTrue(e.getMessage().contains("is in use"), e.getMessage());
        }
    }

    @Test
    void credentialsInAShownUrlAreMasked() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> Config.from(Map.of(
                "SLACK_API_URL", "ftp://admin:s3cr3t@slack.example/api/", "MONGODB_URI", "postgres://bob:hunter2@db/")));
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("s3cr3t") || e.getMessage().contains("hunter2"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("ftp://***@slack.example/api/"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertEquals("***@host", Config.redact("user:pw@host"));
    }
}
