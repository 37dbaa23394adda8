package dev.cxsentinel.application.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Characters of a byte stream, decoded in blocks. {@code InputStreamReader.read()} takes a lock and runs the
 * decoder for every character, a large share of reading a 100k-row report twice; and reading it in blocks would
 * report a bad byte at the start of its block. This decoder hands out every character before a bad byte and
 * throws only when the reader reaches it, so the line of an encoding error stays exact.
 */
final class BlockDecoder implements Closeable {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 13).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CoderResult error;

    BlockDecoder(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder;
    }

    /** The next character, or -1 at the end. */
    int read() throws IOException {
        if (chars.hasRemaining()) {
            return chars.get();
        }
        if (error != null) {
            error.throwException();
        }
        fill();
        if (chars.hasRemaining()) {
            return chars.get();
        }
        if (error != null) {
            error.throwException();
        }
        return -1;
    }

    private void fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && error == null && !flushed) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                error = result;
            } else if (result.isUnderflow() && endOfInput) {
                decoder.flush(chars);
                flushed = true;
            } else if (result.isUnderflow()) {
                readBytes();
            }
        }
        chars.flip();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
