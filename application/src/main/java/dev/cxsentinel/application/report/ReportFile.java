package dev.cxsentinel.application.report;

import java.io.IOException;
import java.io.InputStream;

/** A report file that can be opened more than once (an import may read it twice: validate, then apply). */
public interface ReportFile {
    String name();

    InputStream open() throws IOException;

    static ReportFile ofPath(java.nio.file.Path path) {
        return new ReportFile() {
            @Override
            public String name() {
                return path.getFileName().toString();
            }

            @Override
            public InputStream open() throws IOException {
                return java.nio.file.Files.newInputStream(path);
            }
        };
    }

    static ReportFile ofBytes(String name, byte[] bytes) {
        return new ReportFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new java.io.ByteArrayInputStream(bytes);
            }
        };
    }
}
