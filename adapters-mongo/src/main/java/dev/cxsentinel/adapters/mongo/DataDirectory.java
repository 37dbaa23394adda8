package dev.cxsentinel.adapters.mongo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The embedded store's data directory: usable or explained, and the secret name its clients must give. */
final class DataDirectory {
    private DataDirectory() {
    }

    static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreConfigurationException("The data directory " + dir + " is not a directory. Set CX_DATA_DIR to a directory.", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreConfigurationException("The data directory " + dir + " cannot be created (" + reason(e)
                    + "). Set CX_DATA_DIR to a directory this user can write.", e);
        }
        if (!Files.isDirectory(dir)) {
            throw new StoreConfigurationException("The data directory " + dir + " is not a directory. Set CX_DATA_DIR to a directory.", null);
        }
        Path probe = dir.resolve(".write-test");
        try {
            Files.writeString(probe, "ok");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StoreConfigurationException("The data directory " + dir + " is not writable (" + reason(e)
                    + "). Fix its permissions or set CX_DATA_DIR to a directory this user can write.", e);
        }
        Path file = dir.resolve(EmbeddedStore.FILE_NAME);
        if (Files.exists(file) && (!Files.isReadable(file) || !Files.isWritable(file))) {
            throw new StoreConfigurationException("The store file " + file + " is not readable and writable by this user. Fix its permissions.", null);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * The name a client of this store must give: random, kept in {@code secretFile} (EmbeddedStore.SECRET_FILE) readable by the owner only,
     * so a process of another user on this machine cannot read or write the store through its loopback port.
     */
    static String newApplicationName(Path dir, String secretFile) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String name = "cx-sentinel-" + HexFormat.of().formatHex(random);
        Path file = dir.resolve(secretFile);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, name, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StoreConfigurationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return name;
    }
}
