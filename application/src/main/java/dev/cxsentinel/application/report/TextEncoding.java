package dev.cxsentinel.application.report;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Which character set a text report is in. Never a silent guess: a byte-order mark decides (UTF-8, UTF-16);
 * otherwise the file is UTF-8 when every byte sequence in it is valid UTF-8, and Windows-1252 (what German Excel
 * writes for "CSV (Trennzeichen-getrennt)") when it is not. The caller says in the summary which was used.
 */
public final class TextEncoding {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The character set and how many bytes of byte-order mark to skip. */
    public record Detected(Charset charset, int bomLength) {
        public String label() {
            String name = charset.equals(WINDOWS_1252) ? "Windows-1252" : charset.name();
            return name.startsWith("UTF-16") ? "UTF-16 (Unicode text)" : name;
        }
    }

    private TextEncoding() {
    }

    /** Reads the whole stream once (a fast byte scan); the caller opens the file again to decode it. */
    public static Detected detect(InputStream raw) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
                return new Detected(StandardCharsets.UTF_8, 3);
            }
            if (b0 == 0xFF && b1 == 0xFE) {
                return new Detected(StandardCharsets.UTF_16LE, 2);
            }
            if (b0 == 0xFE && b1 == 0xFF) {
                return new Detected(StandardCharsets.UTF_16BE, 2);
            }
            return isValidUtf8(in) ? new Detected(StandardCharsets.UTF_8, 0) : new Detected(WINDOWS_1252, 0);
        }
    }

    private static boolean isValidUtf8(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int pending = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        return false;
                    }
                    pending--;
                } else if (b >= 0x80) {
                    if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                    } else {
                        return false;
                    }
                }
            }
        }
        return pending == 0;
    }
}
