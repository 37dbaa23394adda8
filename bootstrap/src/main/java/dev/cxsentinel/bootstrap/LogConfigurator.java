package dev.cxsentinel.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The application's logging, set up in code: stderr, readable or one JSON object per line ({@link Logging}), the
 * level from {@code CX_LOG_LEVEL}, and the libraries' chatter turned down. Logback finds it through
 * {@code META-INF/services}. Configuring from an XML file parsed it and loaded about 300 classes of an XML parser
 * and of Joran at every start, a tenth of {@code serve}'s start-up (BENCHMARKS.md §5). A user's own
 * {@code -Dlogback.configurationFile=…} still wins, as does a {@code logback-test.xml} on a test class path.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** System properties {@link Logging} sets before the first logger exists. */
    static final String FORMAT_PROPERTY = "cx.log.format";
    static final String LEVEL_PROPERTY = "cx.log.level";
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    /**
     * Libraries' loggers and their levels. The embedded server's wire handler logs a failed command whole (offer data,
     * customer comments) at ERROR; the client already reports the failure in words, so it stays silent.
     */
    static final Map<String, Level> QUIETER = Map.of("org.mongodb", Level.WARN, "de.bwaldvogel", Level.ERROR,
            "de.bwaldvogel.mongo.wire", Level.OFF, "io.netty", Level.WARN, "com.slack.api", Level.WARN, "org.glassfish.tyrus", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void apply(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context, "json".equals(System.getProperty(FORMAT_PROPERTY))));
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getProperty(LEVEL_PROPERTY), Level.INFO));
        root.addAppender(stderr);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        if (json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.setWithFormattedMessage(true);
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
