package dev.cxsentinel.bootstrap;

import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Chooses the log format and level before the first logger exists ({@link LogConfigurator}); routes java.util.logging to SLF4J. */
final class Logging {
    private Logging() {
    }

    static void configure(Map<String, String> env, String defaultLevel) {
        String format = env.getOrDefault("CX_LOG_FORMAT", "text").strip();
        System.setProperty(LogConfigurator.FORMAT_PROPERTY, "json".equalsIgnoreCase(format) ? "json" : "text");
        String level = env.get("CX_LOG_LEVEL");
        System.setProperty(LogConfigurator.LEVEL_PROPERTY, level == null || level.isBlank() ? defaultLevel : level.strip());
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
