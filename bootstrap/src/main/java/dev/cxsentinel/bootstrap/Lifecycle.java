package dev.cxsentinel.bootstrap;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts resources in order and stops them in reverse, each once, even when a later start fails. */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    /** Something that can fail to start. */
    public interface Start {
        void run() throws Exception;
    }

    /** How to stop it again. */
    public interface Stop {
        void run() throws Exception;
    }

    private final Deque<String> names = new ArrayDeque<>();
    private final Deque<Stop> stops = new ArrayDeque<>();

    public synchronized Lifecycle start(String name, Start start, Stop stop) throws Exception {
        start.run();
        names.push(name);
        stops.push(stop);
        LOG.debug("started {}", name);
        return this;
    }

    @Override
    public synchronized void close() {
        while (!stops.isEmpty()) {
            String name = names.pop();
            try {
                stops.pop().run();
                LOG.debug("stopped {}", name);
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", name, e.toString());
            }
        }
    }
}
