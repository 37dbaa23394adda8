package dev.cxsentinel.bootstrap;

import dev.cxsentinel.adapters.mongo.StoreConfigurationException;
import dev.cxsentinel.adapters.mongo.StoreInUseException;
import dev.cxsentinel.adapters.slack.Messages;
import dev.cxsentinel.application.model.StoreUnavailableException;
import dev.cxsentinel.domain.InvalidValueException;
import dev.cxsentinel.domain.Language;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code java -jar cx-sentinel.jar [serve | console | import]}. Without a subcommand: {@code serve} when Slack is
 * configured ({@code SLACK_BOT_TOKEN}), otherwise {@code console}. Exit codes: 0 ok, 2 bad input or
 * configuration (the message says what and where), 1 anything else.
 */
@Command(name = "cx-sentinel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Watches Amazon CX Health and alerts your seller team in Slack.%n"
                + "Without a subcommand: serve when SLACK_BOT_TOKEN is set, otherwise console.")
public final class Main implements Callable<Integer> {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private final Environment env;

    Main(Environment env) {
        this.env = env;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.exit(run(args, new Environment(System.getenv(), in, out, err)));
    }

    public static int run(String[] args, Environment env) {
        CommandLine cli = commandLine(env);
        return cli.execute(args);
    }

    static CommandLine commandLine(Environment env) {
        CommandLine cli = new CommandLine(new Main(env));
        cli.addSubcommand("serve", new ServeCommand(env));
        cli.addSubcommand("console", new ConsoleCommand(env));
        cli.addSubcommand("import", new ImportCommand(env));
        cli.setOut(new java.io.PrintWriter(env.out(), true));
        cli.setErr(new java.io.PrintWriter(env.err(), true));
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            env.err().println(message(e));
            if (exitCode(e) == FAILURE && !(e instanceof StoreUnavailableException)) {
                e.printStackTrace(env.err());
            }
            return exitCode(e);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            env.err().println(e.getMessage());
            e.getCommandLine().usage(env.err());
            return BAD_INPUT;
        });
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof ConfigException || e instanceof StoreConfigurationException || e instanceof StoreInUseException
                || e instanceof InvalidValueException || e instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return FAILURE;
    }

    private static String message(Throwable e) {
        if (e instanceof InvalidValueException v) {
            return "Bad input: " + Messages.refused(v, Language.EN);
        }
        if (e instanceof StoreUnavailableException unavailable && unavailable.diskFull()) {
            return "The database cannot write: its disk is full. Free disk space where the data lives (CX_DATA_DIR, or the MongoDB"
                    + " server's disk) and run the import again; it completes what was written.";
        }
        if (e instanceof StoreUnavailableException) {
            return "The database does not answer (" + (e.getCause() == null ? "no answer" : e.getCause().getMessage())
                    + "). Check MONGODB_URI or the data directory and try again; running an import again completes it.";
        }
        return exitCode(e) == BAD_INPUT ? e.getMessage() : "CX Sentinel failed: " + e;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> vars = env.variables();
        String token = vars.get("SLACK_BOT_TOKEN");
        return token == null || token.isBlank() ? new ConsoleCommand(env).call() : new ServeCommand(env).call();
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"CX Sentinel " + (version == null ? "(development build)" : version)};
        }
    }
}
