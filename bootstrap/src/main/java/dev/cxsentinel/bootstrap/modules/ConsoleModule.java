package dev.cxsentinel.bootstrap.modules;

import com.google.inject.AbstractModule;
import dev.cxsentinel.adapters.slack.ConsoleNotifier;
import dev.cxsentinel.application.port.out.Notifier;
import java.io.PrintStream;

/** Alerts are printed to the console. */
public final class ConsoleModule extends AbstractModule {
    private final PrintStream out;

    public ConsoleModule(PrintStream out) {
        this.out = out;
    }

    @Override
    protected void configure() {
        bind(Notifier.class).toInstance(new ConsoleNotifier(out));
    }
}
