package dev.cxsentinel.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** One configured Slack SDK instance: the Web API base URL from the settings, and bounded HTTP timeouts. */
@Singleton
public class SlackClients {
    private final Slack slack;
    private final SlackSettings settings;
    private final OkHttpClient http;

    @Inject
    public SlackClients(SlackSettings settings) {
        this.settings = settings;
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        config.setFailOnUnknownProperties(false);
        config.setStatsEnabled(false);
        long timeout = settings.httpTimeout().toMillis();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .callTimeout(timeout * 2, TimeUnit.MILLISECONDS)
                .build();
        this.slack = Slack.getInstance(config, new SlackHttpClient(http));
    }

    public Slack slack() {
        return slack;
    }

    public MethodsClient methods() {
        return slack.methods(settings.botToken());
    }

    OkHttpClient http() {
        return http;
    }

    public SlackSettings settings() {
        return settings;
    }
}
