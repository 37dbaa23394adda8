package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: exit codes, messages, console. Runs after `package` (failsafe). */
class CliSystemIT {
    static final Path JAR = Path.of("target", "cx-sentinel.jar");
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) { }

    Run run(Map<String, String> env, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelp() throws Exception {
        Run version = run(Map.of(), "", "--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().contains("CX Sentinel 0.1.0"), version.out());
        Run help = run(Map.of(), "", "--help");
        assertTrue(help.out().contains("serve") && help.out().contains("console") && help.out().contains("import"), help.out());
    }

    @Test
    void badConfigurationExits2ListingEveryProblem() throws Exception {
        Run r = run(Map.of("SLACK_BOT_TOKEN", "abc", "PORT", "x", "CX_ADMINS", "bad id"), "", "serve");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("SLACK_BOT_TOKEN must be a bot token"), r.err());
        assertTrue(r.err().contains("PORT must be"), r.err());
        assertTrue(r.err().contains("CX_ADMINS must list"), r.err());
        assertTrue(r.err().contains("neither SLACK_SIGNING_SECRET"), r.err());
    }

    @Test
    void aPortInUseExits2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run r = run(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef",
                    "PORT", Integer.toString(taken.getLocalPort())), "", "serve");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("is in use"), r.err());
        }
    }

    @Test
    void aTokenSlackRefusesExits2() throws Exception {
        try (dev.cxsentinel.adapters.slack.FakeSlackApi slack = new dev.cxsentinel.adapters.slack.FakeSlackApi()) {
            slack.enqueue("auth.test", dev.cxsentinel.adapters.slack.FakeSlackApi.Fault.error("invalid_auth"),
                    dev.cxsentinel.adapters.slack.FakeSlackApi.Fault.error("invalid_auth"));
            Run r = run(Map.of("SLACK_BOT_TOKEN", "xoxb-revoked", "SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef",
                    "SLACK_API_URL", slack.apiUrl(), "PORT", "0"), "", "serve");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("Slack refused SLACK_BOT_TOKEN (") && r.err().contains("invalid_auth"), r.err());
            assertTrue(!r.err().contains("xoxb-revoked"), "the token is not shown");
        }
    }

    @Test
    void anUnusableDataDirectoryExits2WithThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("occupied"), "x");
        Run r = run(Map.of("CX_DATA_DIR", file.toString()), "", "console");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(file.toString()), r.err());
    }

    @Test
    void theConsoleShowsTheDemoAlertsAndTakesCommands() throws Exception {
        Run r = run(Map.of(), "/cx relist HB-KETTLE-02 relabelled\nexit\n", "console");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Offer closed"), r.out());
        assertTrue(r.out().contains("relisted HB-KETTLE-02@DE"), r.out());
        assertTrue(r.out().contains("Relisted by"), "the follow-up is printed: " + r.out());
        Run again = run(Map.of(), "/cx status HB-KETTLE-02\n");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Relist pending"), "data persisted: " + again.out());
    }

    @Test
    void importReportsProblemsWithLineAndColumnAndExits2() throws Exception {
        Path report = Files.writeString(dir.resolve("offers.csv"), "marketplace,asin,sku,fulfillment_channel,cx_health\nDE,B07XJ8C8F5,A,FBA,Good\nDE,bad,B,FBA,Good\n");
        Run r = run(Map.of(), "", "import", "--account", "A2EUQ1WTGCTBG2", report.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("offers.csv:3: column 'asin': found 'bad'"), r.err());
        Run skip = run(Map.of(), "", "import", "--account", "A2EUQ1WTGCTBG2", "--skip-invalid", report.toString());
        assertEquals(0, skip.exit(), skip.err());
        assertTrue(skip.out().contains("new offers: 1"), skip.out());
        Run missing = run(Map.of(), "", "import", "--account", "A2EUQ1WTGCTBG2", "nope.csv");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.csv: no such readable file"), missing.err());
        Run badAccount = run(Map.of(), "", "import", "--account", "x", report.toString());
        assertEquals(2, badAccount.exit());
        assertTrue(badAccount.err().contains("seller account 'X' is not valid: expected 10–16 upper-case letters or digits"), badAccount.err());
        assertEquals(2, run(Map.of(), "", "import").exit(), "missing arguments are bad input");
    }

    /**
     * Consecutive command-line imports each record an orderly stop, so the next one keeps the import fingerprints
     * (an unclean stop makes the next start forget them, and the re-import reads every offer again).
     */
    @Test
    void commandLineImportsStopInOrderSoTheNextKeepsTheFingerprints() throws Exception {
        Path report = Files.writeString(dir.resolve("voc.csv"), "SKU,ASIN,Product name,Fulfilled by,CX Health,Last updated\n"
                + "SKU-1,B07XJ8C8F5,Kettle,Amazon,Good,11/20/2026\nSKU-2,B07XJ8C8F6,Toaster,Amazon,Poor,11/20/2026\n");
        Path clean = dir.resolve("data").resolve("clean-shutdown");
        for (int i = 0; i < 2; i++) {
            Run r = run(Map.of(), "", "import", "--account", "A2EUQ1WTGCTBG2", "--marketplace", "DE", report.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(Files.exists(clean), "import " + (i + 1) + " (a new store, then a clean one) recorded its orderly stop");
        }
        Run dry = run(Map.of(), "", "import", "--account", "A2EUQ1WTGCTBG2", "--marketplace", "DE", "--dry-run", report.toString());
        assertEquals(0, dry.exit(), dry.out() + dry.err());
        assertTrue(dry.out().contains("unchanged: 2"), dry.out());
    }

    @Test
    void sigtermStopsServeInOrderWithExitCode0() throws Exception {
        String serving = serveUntilReadyThenStop(Map.of());
        assertTrue(serving.matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main\\] "
                + "d\\.cxsentinel\\.bootstrap\\.ServeCommand - CX Sentinel serving on port \\d+ .*"), "a readable log line: " + serving);
    }

    @Test
    void cxLogFormatJsonLogsOneJsonObjectPerLine() throws Exception {
        String serving = serveUntilReadyThenStop(Map.of("CX_LOG_FORMAT", "json"));
        assertTrue(serving.startsWith("{") && serving.endsWith("}") && serving.contains("\"level\":\"INFO\"")
                && serving.contains("\"loggerName\":\"dev.cxsentinel.bootstrap.ServeCommand\""), serving);
    }

    /** Starts serve against a stand-in Slack, reads its log to the "serving" line, stops it with SIGTERM (exit 0 expected); that line. */
    private String serveUntilReadyThenStop(Map<String, String> extraEnv) throws Exception {
        try (dev.cxsentinel.adapters.slack.FakeSlackApi slack = new dev.cxsentinel.adapters.slack.FakeSlackApi()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    JAR.toAbsolutePath().toString(), "serve"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-test-token", "SLACK_SIGNING_SECRET", "0123456789abcdef0123456789abcdef",
                    "SLACK_API_URL", slack.apiUrl(), "PORT", "0", "CX_DATA_DIR", dir.resolve("data").toString()));
            builder.environment().putAll(extraEnv);
            Process process = builder.start();
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.contains("CX Sentinel serving on port")) {
                seen.append(line).append('\n');
            }
            assertTrue(line != null, "serve started: " + seen);
            assertTrue(!seen.toString().contains("logback"), "no logging set-up messages: " + seen);
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve stopped");
            assertEquals(0, process.exitValue(), "a clean stop on SIGTERM exits 0");
            return line;
        }
    }
}
