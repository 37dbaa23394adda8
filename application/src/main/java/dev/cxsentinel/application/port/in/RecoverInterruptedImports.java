package dev.cxsentinel.application.port.in;

/** Find imports whose process died, record them as interrupted, and let the digests of what they wrote go out. */
public interface RecoverInterruptedImports {
    /** The imports found interrupted in this round. */
    int recoverInterrupted();

    /** Every import still recorded as running: only for a process that holds the store alone, so none can be running. */
    int recoverAllRunning();
}
