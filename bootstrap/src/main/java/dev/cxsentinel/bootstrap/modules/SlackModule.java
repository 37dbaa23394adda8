package dev.cxsentinel.bootstrap.modules;

import com.google.inject.AbstractModule;
import dev.cxsentinel.adapters.slack.SlackNotifier;
import dev.cxsentinel.adapters.slack.SlackSettings;
import dev.cxsentinel.application.port.out.Notifier;

/** Alerts go to Slack. */
public final class SlackModule extends AbstractModule {
    private final SlackSettings settings;

    public SlackModule(SlackSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(SlackSettings.class).toInstance(settings);
        bind(Notifier.class).to(SlackNotifier.class);
    }
}
