package dev.cxsentinel.application.report;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records from a report file in the character set {@link TextEncoding} detected (UTF-8 with or
 * without BOM, UTF-16 with a BOM, otherwise Windows-1252); the delimiter
 * ({@code ,} {@code ;} or tab) is detected from the header row; quoted fields may hold delimiters, {@code ""}
 * and line breaks. Memory is bounded by the longest record, which is capped: a hostile file is an error, not an
 * out-of-memory crash. One state machine (quotes across lines, limits, encodings), kept whole so its invariants
 * stay visible: that is its length.
 */
public final class CsvRecordReader implements RecordSource {
    public static final int MAX_FIELD_LENGTH = 10_000;
    public static final int MAX_FIELDS = 200;

    /** One record and the physical line it starts on. */
    public record CsvRecord(long line, List<String> fields) { }

    private final String fileName;
    private final BlockDecoder reader;
    private final String encoding;
    private boolean headerRead;
    private char delimiter;
    private long line = 1;
    private int pushedBack = -2;
    /** The most fields a record had so far: the next record's list is made that size (rows are as wide as the header). */
    private int width = 16;
    /** The field being read, reused from record to record. */
    private final StringBuilder fieldBuffer = new StringBuilder();

    private CsvRecordReader(String fileName, BlockDecoder reader, String encoding) {
        this.fileName = fileName;
        this.reader = reader;
        this.encoding = encoding;
    }

    /** Opens a file whose character set is known (see {@link TextEncoding#detect}). */
    public static CsvRecordReader open(String fileName, InputStream raw, TextEncoding.Detected detected) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.skipNBytes(detected.bomLength());
        Charset charset = detected.charset();
        BlockDecoder decoder = new BlockDecoder(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new CsvRecordReader(fileName, decoder, detected.label());
    }

    /** Opens UTF-8 or UTF-16 text with a byte-order mark (tests and callers that know the file is UTF-8). */
    public static CsvRecordReader open(String fileName, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        TextEncoding.Detected detected = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? new TextEncoding.Detected(StandardCharsets.UTF_8, 3)
                : b0 == 0xFF && b1 == 0xFE ? new TextEncoding.Detected(StandardCharsets.UTF_16LE, 2)
                : b0 == 0xFE && b1 == 0xFF ? new TextEncoding.Detected(StandardCharsets.UTF_16BE, 2)
                : new TextEncoding.Detected(StandardCharsets.UTF_8, 0);
        return open(fileName, in, detected);
    }

    @Override
    public String encoding() {
        return encoding;
    }

    @Override
    public Record next() throws IOException, ReportFormatException {
        CsvRecord r = headerRead ? nextRecord() : readHeader();
        headerRead = true;
        return r == null ? null : new Record(r.line(), r.fields());
    }

    public char delimiter() {
        return delimiter;
    }

    /** The header row; detects the delimiter from it. Throws when the file is empty. */
    public CsvRecord readHeader() throws IOException, ReportFormatException {
        StringBuilder first = new StringBuilder();
        long start = line;
        int c;
        boolean quoted = false;
        while ((c = read()) != -1) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n' && next != -1) {
                        unread(next);
                    }
                }
                line++;
                if (first.toString().isBlank()) {
                    first.setLength(0);
                    start = line;
                    continue;
                }
                break;
            }
            first.append((char) c);
            if (first.length() > MAX_FIELD_LENGTH) {
                throw error(start, "header-line-length", MAX_FIELD_LENGTH);
            }
        }
        if (first.toString().isBlank()) {
            throw error(0, "not-empty");
        }
        delimiter = detectDelimiter(first.toString());
        return new CsvRecord(start, split(first.toString(), start));
    }

    private static char detectDelimiter(String header) {
        char best = ',';
        int bestCount = -1;
        for (char candidate : new char[] {'\t', ';', ','}) {
            int count = countOutsideQuotes(header, candidate);
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String text, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    private List<String> split(String header, long at) throws ReportFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char ch = header.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < header.length() && header.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw error(at, "header-closing-quote");
        }
        fields.add(field.toString());
        return fields;
    }

    /** The next non-empty record, or null at the end of the file. */
    public CsvRecord nextRecord() throws IOException, ReportFormatException {
        while (true) {
            long start = line;
            List<String> fields = new ArrayList<>(width);
            StringBuilder field = fieldBuffer;
            field.setLength(0);
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean any = false;
            int c;
            while (true) {
                c = read();
                if (c == -1) {
                    if (quoted) {
                        throw error(start, "closing-quote");
                    }
                    break;
                }
                any = true;
                if (c == 0) {
                    throw error(line, "text-not-binary");
                }
                if (quoted) {
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                unread(next);
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        append(field, c, start);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == delimiter) {
                    addField(fields, field, start);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int next = read();
                        if (next != '\n' && next != -1) {
                            unread(next);
                        }
                    }
                    line++;
                    break;
                } else {
                    append(field, c, start);
                }
            }
            if (!any) {
                return null;
            }
            addField(fields, field, start);
            width = Math.max(width, fields.size());
            if (fields.stream().allMatch(String::isBlank)) {
                if (c == -1) {
                    return null;
                }
                continue;
            }
            return new CsvRecord(start, fields);
        }
    }

    private void addField(List<String> fields, StringBuilder field, long start) throws ReportFormatException {
        if (fields.size() >= MAX_FIELDS) {
            throw error(start, "max-columns", MAX_FIELDS);
        }
        fields.add(field.toString());
        field.setLength(0);
    }

    private void append(StringBuilder field, int c, long start) throws ReportFormatException {
        if (field.length() >= MAX_FIELD_LENGTH) {
            throw error(start, "max-field-length", MAX_FIELD_LENGTH);
        }
        field.append((char) c);
    }

    private int read() throws IOException, ReportFormatException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        try {
            return reader.read();
        } catch (CharacterCodingException e) {
            throw error(line, "encoding", encoding);
        }
    }

    private void unread(int c) {
        pushedBack = c;
    }

    private ReportFormatException error(long at, String expectedCode, Object... args) {
        return new ReportFormatException(new RowError(fileName, at, null, null, expectedCode, args));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
