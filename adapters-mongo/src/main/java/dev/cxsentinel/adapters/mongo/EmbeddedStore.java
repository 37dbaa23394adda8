package dev.cxsentinel.adapters.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.cxsentinel.adapters.mongo.embedded.DurableH2Backend;
import dev.cxsentinel.adapters.mongo.embedded.Examined;
import dev.cxsentinel.adapters.mongo.embedded.IdFirstMemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup store: mongo-java-server with its H2 backend in a file under the data directory, listening on
 * loopback and spoken to over the real wire protocol by the same adapter code as a real MongoDB.
 *
 * <ul>
 *   <li>Every acknowledged write is committed to the file first ({@link DurableH2Backend}), but for the markers,
 *   fingerprints and audit lines of actions on offers ({@link #DERIVED}), which a start after an unclean stop
 *   rebuilds or forgets.</li>
 *   <li>The file is compacted at start-up once it has doubled and is mostly garbage (and only with room on disk),
 *   so repeated imports do not grow it without bound ({@link Compaction}).</li>
 *   <li>The file is locked while open: a second server on the same directory gets a clear error. The running
 *   server's port is written to {@code embedded.port}, so {@code import} can work through it.</li>
 *   <li>{@link #problem()} says when the file can no longer be written or the disk is full, for {@code /healthz};
 *   a file closed by a failed write is reopened in place once the disk has room ({@link #reopenIfRoom()}).</li>
 * </ul>
 * Its length is that lifecycle (lock, port file, secret, the unclean-stop flag, the file's health and its reopening
 * after a failed write), each a short method; compaction is {@link Compaction}, the patches to the library are apart,
 * in {@code adapters.mongo.embedded}.
 */
public final class EmbeddedStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    public static final String FILE_NAME = "cx-sentinel.mv.db";
    public static final String PORT_FILE = "embedded.port";
    public static final String SECRET_FILE = "embedded.secret";
    /** Written when the store was closed in order: nothing can be missing from the outbox markers. */
    static final String CLEAN_FILE = "clean-shutdown";
    /** Present while an import writes through this directory's store; a leftover one means it did not finish. */
    static final String IMPORT_FLAG = "import.running";

    /** Replaced when the file is reopened after a failed write ({@link #reopenIfRoom()}). */
    private volatile MongoServer server;
    private volatile MongoBackend backend;
    private volatile MVStore mvStore;
    private final Path portFile;
    private final InetSocketAddress address;

    private final String applicationName;
    private boolean startedClean;
    private ScheduledExecutorService watchdog;
    private volatile Runnable onReopened = () -> { };
    private boolean closed;
    private boolean reopened;
    private volatile boolean repaired;
    /**
     * Collections whose writes are not committed one by one (see {@link DurableH2Backend}): what the start-up after an
     * unclean stop rebuilds (the markers) or forgets (the import fingerprints).
     */
    static final Set<String> DERIVED = Set.of(OfferDocuments.DUE, ReminderMarkers.COLLECTION, MongoImportFingerprints.COLLECTION,
            MongoAuditRepository.OFFER_ACTIONS);
    /** How often the file was reopened after a failed write, in this JVM: tests count it. */
    static final AtomicLong REOPENED = new AtomicLong();

    private EmbeddedStore(MongoServer server, MongoBackend backend, MVStore mvStore, Path portFile, InetSocketAddress address,
                          String applicationName) {
        this.server = server;
        this.backend = backend;
        this.mvStore = mvStore;
        this.portFile = portFile;
        this.address = address;
        this.applicationName = applicationName;
    }

    /** An in-memory store on a random loopback port (tests, benchmarks). */
    public static EmbeddedStore inMemory() {
        MemoryBackend backend = new IdFirstMemoryBackend();
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedStore(server, backend, null, null, address, null);
    }

    /**
     * Opens the store in {@code dataDir}, creating it if needed. Throws {@link StoreConfigurationException} when
     * the directory cannot be used, and {@link StoreInUseException} when another process has it open.
     */

    public static EmbeddedStore open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DataDirectory.prepare(dir);
        Path file = dir.resolve(FILE_NAME);
        boolean clean = wasClosedInOrder(dir);
        Compaction.compactIfWorthIt(file);
        MVStore mvStore;
        try {
            mvStore = Compaction.open(file);
        } catch (MVStoreException e) {
            if (String.valueOf(e.getMessage()).toLowerCase().contains("locked")) {
                throw new StoreInUseException(dir, runningInstance(dir).orElse(null));
            }
            throw new StoreConfigurationException("The embedded store " + file + " cannot be opened: " + e.getMessage()
                    + ". If the file is damaged, restore it from a backup or move it away to start empty.", e);
        }
        String applicationName = DataDirectory.newApplicationName(dir, SECRET_FILE);
        DurableH2Backend backend = new DurableH2Backend(mvStore, applicationName, DERIVED);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        Path portFile = dir.resolve(PORT_FILE);
        try {
            Files.writeString(portFile, Integer.toString(address.getPort()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            server.shutdownNow();
            backend.close();
            throw new StoreConfigurationException("Cannot write " + portFile + ": " + e.getMessage(), e);
        }
        LOG.info("embedded store {} open on {}", file, address);
        EmbeddedStore store = new EmbeddedStore(server, backend, mvStore, portFile, address, applicationName);
        store.startedClean = clean;
        store.watchForRecovery();
        return store;
    }

    /** Every {@link #RECOVERY_CHECK} the file's health is checked and a file closed by a failed write reopened. */
    static final Duration RECOVERY_CHECK = Duration.ofSeconds(2);

    private void watchForRecovery() {
        watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cx-embedded-store-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(() -> {
            try {
                reopenIfRoom();
            } catch (RuntimeException e) {
                LOG.debug("embedded store not reopened yet: {}", e.getMessage());
            }
        }, RECOVERY_CHECK.toMillis(), RECOVERY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many documents {@code database.collection} has examined so far (the embedded server's docsExamined): tests count it. */
    public long documentsExamined(String database, String collection) {
        return Examined.in(backend, database, collection);
    }

    /** Runs after the file was reopened in place: the caller re-queues what a failed write may have left unmarked. */
    public void onReopened(Runnable action) {
        this.onReopened = action;
    }

    /**
     * H2 closes its file for good after a write failed (a full disk, usually). Once the disk has room again, the
     * file is opened anew and served on the same port under the same name, so clients reconnect by themselves and
     * nobody has to restart: what was acknowledged was committed before, what failed was answered as failed. The
     * new file is opened before the old server stops, so a failed attempt changes nothing and is tried again.
     */
    synchronized boolean reopenIfRoom() {
        if (closed || mvStore == null || !isBroken(mvStore) || freeSpace() < 2 * MIN_FREE_BYTES) {
            return false;
        }
        Path file = portFile.resolveSibling(FILE_NAME);
        MVStore reopened = Compaction.open(file);
        DurableH2Backend newBackend = new DurableH2Backend(reopened, applicationName, DERIVED);
        MongoServer newServer = new MongoServer(newBackend);
        server.shutdownNow();
        try {
            newServer.bind(address);
        } catch (RuntimeException e) {
            newBackend.close();
            reopened.close();
            throw e;
        }
        server = newServer;
        backend = newBackend;
        mvStore = reopened;
        this.reopened = true;
        REOPENED.incrementAndGet();
        LOG.warn("embedded store {} reopened: the disk has room again", file);
        onReopened.run();
        return true;
    }

    private static boolean isBroken(MVStore store) {
        return store.isClosed() || store.getPanicException() != null;
    }

    private long freeSpace() {
        try {
            return Files.getFileStore(portFile.getParent()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The connection string of a store another process serves from {@code dataDir}, if one answers. */
    public static Optional<String> runningInstance(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path portFile = dir.resolve(PORT_FILE);
        try {
            int port = Integer.parseInt(Files.readString(portFile, StandardCharsets.US_ASCII).strip());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            }
            String name = Files.readString(dir.resolve(SECRET_FILE), StandardCharsets.US_ASCII).strip();
            return Optional.of(connectionString("127.0.0.1", port, name));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String connectionString() {
        return connectionString(address.getHostString(), address.getPort(), applicationName);
    }

    private static String connectionString(String host, int port, String applicationName) {
        return "mongodb://" + host + ":" + port + "/" + (applicationName == null ? "" : "?appName=" + applicationName);
    }

    public int port() {
        return address.getPort();
    }

    /**
     * True when the last process closed the store in order and no import was cut short since: then the outbox
     * markers are complete and the start-up repair (a scan of every offer) can be skipped.
     */
    public boolean startedClean() {
        return startedClean;
    }

    /**
     * Called once the markers were rebuilt and the fingerprints forgotten after an unclean start: only then may this
     * process's orderly stop mark the store as closed in order (a command that did not repair leaves it unclean).
     */
    public void markRepaired() {
        repaired = true;
    }

    private static boolean wasClosedInOrder(Path dir) {
        try {
            return Files.deleteIfExists(dir.resolve(CLEAN_FILE)) && !Files.exists(dir.resolve(IMPORT_FLAG));
        } catch (IOException e) {
            return false;
        }
    }

    /** Marks an import writing through the store in {@code dataDir} until it is closed; a crash leaves the mark. */
    public static AutoCloseable importRunning(Path dataDir) {
        Path flag = dataDir.toAbsolutePath().normalize().resolve(IMPORT_FLAG);
        try {
            Files.writeString(flag, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.debug("could not mark the import as running: {}", e.getMessage());
        }
        return () -> Files.deleteIfExists(flag);
    }

    /** Below this much free space the disk counts as full: a single commit of the file may need about a megabyte. */
    static final long MIN_FREE_BYTES = 4L * 1024 * 1024;

    /**
     * What keeps the file store from working, for {@code /healthz}: the file closed after a failed write (the usual
     * cause is a full disk), or a disk with less than {@link #MIN_FREE_BYTES} left. Empty when it works.
     */
    public Optional<String> problem() {
        if (mvStore == null || portFile == null) {
            return Optional.empty();
        }
        Path dir = portFile.getParent();
        MVStore current = mvStore;
        if (isBroken(current)) {
            Throwable cause = current.getPanicException();
            boolean full = cause != null && Guard.isDiskFull(cause);
            return Optional.of("the embedded store's file in " + dir + " can no longer be written"
                    + (full ? " because the disk is full" : cause == null ? "" : " (" + cause.getMessage() + ")")
                    + ": free disk space there; CX Sentinel reopens the file within seconds once there is room");
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                return Optional.of("the disk holding " + dir + " is full (" + free / 1024 + " KiB free): free disk space there");
            }
        } catch (IOException e) {
            return Optional.of("the free space of " + dir + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Stops accepting connections, commits and closes the file. */
    @Override
    public synchronized void close() {
        closed = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        boolean broken = mvStore != null && (isBroken(mvStore) || reopened || !(startedClean || repaired));
        server.shutdownNow();
        backend.close();
        if (mvStore != null && !mvStore.isClosed()) {
            mvStore.close();
        }
        if (portFile != null) {
            try {
                Files.deleteIfExists(portFile.resolveSibling(SECRET_FILE));
                Files.deleteIfExists(portFile);
                if (!broken) { // a file that failed a write (even if reopened since) is not closed in order: the next start checks the outbox
                    Files.writeString(portFile.resolveSibling(CLEAN_FILE), "closed in order", StandardCharsets.US_ASCII);
                }
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", portFile, e.getMessage());
            }
        }
    }
}
