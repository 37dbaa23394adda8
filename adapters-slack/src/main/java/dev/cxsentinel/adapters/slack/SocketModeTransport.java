package dev.cxsentinel.adapters.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Socket Mode: Slack pushes commands and events over a WebSocket; no public URL is needed. */
public final class SocketModeTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketModeTransport.class);
    private final SocketModeApp socketMode;

    public SocketModeTransport(String appToken, SlackBot bot) throws IOException {
        this.socketMode = new SocketModeApp(appToken, bot.app());
    }

    public void start() throws Exception {
        socketMode.startAsync();
        LOG.info("Socket Mode connected");
    }

    public boolean isConnected() {
        return socketMode.getClient() != null && socketMode.getClient().verifyConnection();
    }

    @Override
    public void close() {
        try {
            socketMode.stop();
        } catch (Exception e) {
            LOG.warn("Socket Mode did not stop cleanly: {}", e.getMessage());
        }
    }
}
