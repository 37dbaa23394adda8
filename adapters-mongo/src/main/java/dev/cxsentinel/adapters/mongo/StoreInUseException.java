package dev.cxsentinel.adapters.mongo;

import java.nio.file.Path;

/** Another process has the embedded store in this data directory open. */
public final class StoreInUseException extends RuntimeException {
    private final String runningUri;

    public StoreInUseException(Path dataDir, String runningUri) {
        super("The data directory " + dataDir + " is in use by another CX Sentinel process"
                + (runningUri == null ? "" : " (its embedded store answers at " + runningUri + ")")
                + ". Stop that process first, or set CX_DATA_DIR to another directory. "
                + "`import` works while `serve` runs: it goes through the running instance.");
        this.runningUri = runningUri;
    }

    public String runningUri() {
        return runningUri;
    }
}
