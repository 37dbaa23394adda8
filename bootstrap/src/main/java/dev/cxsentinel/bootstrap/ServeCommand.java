package dev.cxsentinel.bootstrap;

import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.cxsentinel.adapters.slack.HttpEndpoint;
import dev.cxsentinel.adapters.slack.SlackBot;
import dev.cxsentinel.adapters.slack.SlackHttpServer;
import dev.cxsentinel.adapters.slack.SocketModeTransport;
import dev.cxsentinel.application.service.DispatchLoop;
import dev.cxsentinel.bootstrap.modules.SlackModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Runs the Slack bot: HTTP mode and/or Socket Mode, the dispatcher, and the operations endpoints. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Slack bot (HTTP mode with SLACK_SIGNING_SECRET, Socket Mode with SLACK_APP_TOKEN).")
public final class ServeCommand implements Callable<Integer> {
    private final Environment env;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int httpPort = -1;

    public ServeCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Logging.configure(env.variables(), "INFO");
        HeapDefaults.applyToThisJvm();
        Config config = Config.from(env.variables());
        if (!config.slackConfigured()) {
            throw new ConfigException(List.of("serve needs Slack: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (HTTP mode) "
                    + "or SLACK_APP_TOKEN (Socket Mode). Without Slack, run `console`."));
        }
        config.requirePortFree();
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        Thread hook = new Thread(this::shutdownFromSignal, "cx-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Lifecycle life = new Lifecycle()) {
            StoreConnection store = StoreConnection.open(config, false);
            life.start("store", () -> { }, store::close);
            Injector injector = Wiring.injector(config, config.admins(), store, new SlackModule(config.slack()));
            Wiring.prepareStore(injector, store);
            DispatchLoop dispatcher = injector.getInstance(DispatchLoop.class);
            life.start("dispatcher", dispatcher::start, dispatcher::stop);
            SlackBot bot = connectToSlack(injector, log);
            if (bot == null) {
                return 0;
            }
            life.start("slack bot", () -> { }, bot::stop);
            Operations operations = injector.getInstance(Operations.class);
            Map<String, Supplier<HttpEndpoint>> routes = Map.of("/healthz", operations::health, "/metrics", operations::metrics);
            SlackHttpServer http = new SlackHttpServer(config.port(), config.slack().httpMode() ? bot : null,
                    config.slack().signingSecret(), routes);
            life.start("http server", http::start, http::close);
            httpPort = http.port();
            if (config.slack().socketMode()) {
                SocketModeTransport socket = new SocketModeTransport(config.slack().appToken(), bot);
                life.start("socket mode", socket::start, socket::close);
                operations.slackState(() -> socket.isConnected() ? "connected" : "disconnected");
            } else {
                operations.slackState(() -> "http");
            }
            log.info("CX Sentinel serving on port {} ({}{}), store: {}", http.port(),
                    config.slack().httpMode() ? "HTTP mode: POST " + SlackHttpServer.EVENTS_PATH : "",
                    config.slack().socketMode() ? (config.slack().httpMode() ? ", " : "") + "Socket Mode" : "", store.description());
            stopRequested.await();
            log.info("stopping: finishing in-flight work");
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and waits for us
            }
        }
        return 0;
    }

    /**
     * Bolt checks the bot token with Slack when the app is built: here, at start, not in a constructor. A refused
     * token is a configuration problem (exit 2); an unreachable Slack is retried until it answers or the process is
     * stopped.
     */
    private SlackBot connectToSlack(Injector injector, Logger log) throws InterruptedException {
        long wait = 1;
        while (true) {
            try {
                SlackBot bot = injector.getInstance(SlackBot.class);
                bot.app();
                return bot;
            } catch (ProvisionException | IllegalArgumentException | IllegalStateException e) {
                String reason = String.valueOf(rootMessage(e));
                if (reason.matches(".*(invalid_auth|not_authed|account_inactive|token_revoked|token_expired|not_allowed_token_type).*")) {
                    throw new ConfigException(List.of("Slack refused SLACK_BOT_TOKEN (" + reason
                            + "): copy the Bot User OAuth Token (xoxb-…) of the installed app from OAuth & Permissions."));
                }
                log.warn("Slack is not reachable yet ({}); trying again in {} s", reason, wait);
            }
            if (stopRequested.await(wait, TimeUnit.SECONDS)) {
                return null;
            }
            wait = Math.min(30, wait * 2);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** For tests: ask a running serve to stop as SIGTERM would. */
    public void requestStop() {
        stopRequested.countDown();
    }

    public int httpPort() {
        return httpPort;
    }

    /**
     * SIGTERM: stop in order, then end the JVM with 0 so service managers report a clean stop (a JVM ended by a
     * signal otherwise exits 143 even when everything stopped cleanly).
     */
    private void shutdownFromSignal() {
        stopRequested.countDown();
        try {
            if (stopped.await(30, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(Main.OK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
