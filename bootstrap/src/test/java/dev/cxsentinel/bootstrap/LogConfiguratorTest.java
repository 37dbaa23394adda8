package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The logging set up in code: format and level from the environment, libraries turned down, stderr only. */
class LogConfiguratorTest {
    private final PrintStream realErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(realErr);
        System.clearProperty(LogConfigurator.FORMAT_PROPERTY);
        System.clearProperty(LogConfigurator.LEVEL_PROPERTY);
    }

    /** Configures a fresh logging context as {@link Logging} and logback would at start, logs, and returns stderr's lines. */
    private static List<String> logged(Map<String, String> env, String defaultLevel, java.util.function.Consumer<LoggerContext> logs) {
        Logging.configure(env, defaultLevel);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogConfigurator.apply(context);
        logs.accept(context);
        context.stop();
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void readableLinesAtTheDefaultLevelWithTheLibrariesQuiet() {
        List<String> lines = logged(Map.of(), "INFO", context -> {
            Logger app = context.getLogger("dev.cxsentinel.bootstrap.ServeCommand");
            app.info("CX Sentinel serving on port {}", 3000);
            app.debug("not at INFO");
            context.getLogger("org.mongodb.driver.cluster").info("driver chatter");
            context.getLogger("de.bwaldvogel.mongo.wire.MongoWireProtocolHandler").error("a failed insert with the customer's comment");
            context.getLogger("io.netty.channel").warn("a warning still shows");
        });
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main\\] "
                + "d\\.cxsentinel\\.bootstrap\\.ServeCommand - CX Sentinel serving on port 3000"), lines.get(0));
        assertTrue(lines.get(1).contains("WARN ") && lines.get(1).endsWith("a warning still shows"), lines.get(1));
    }

    @Test
    void oneJsonObjectPerLineWithCxLogFormatJson() {
        List<String> lines = logged(Map.of("CX_LOG_FORMAT", " JSON "), "INFO",
                context -> context.getLogger("dev.cxsentinel.Test").warn("a \"quoted\" {}", "word"));
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        assertTrue(line.contains("\"level\":\"WARN\"") && line.contains("\"loggerName\":\"dev.cxsentinel.Test\""), line);
        assertTrue(line.contains("\"formattedMessage\":\"a \\\"quoted\\\" word\""), line);
    }

    @Test
    void theLevelComesFromCxLogLevelAndAnUnknownOneFallsBackToInfo() {
        List<String> debug = logged(Map.of("CX_LOG_LEVEL", "debug"), "INFO", context -> context.getLogger("dev.cxsentinel.Test").debug("detail"));
        assertEquals(1, debug.size(), debug.toString());
        List<String> warnDefault = logged(Map.of(), "WARN", context -> context.getLogger("dev.cxsentinel.Test").info("import progress"));
        assertEquals(List.of(), warnDefault, "console and import log at WARN unless told otherwise");
        List<String> unknown = logged(Map.of("CX_LOG_LEVEL", "loud"), "INFO", context -> {
            context.getLogger("dev.cxsentinel.Test").debug("detail");
            context.getLogger("dev.cxsentinel.Test").info("news");
        });
        assertEquals(1, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0).endsWith("news"), unknown.toString());
    }
}
