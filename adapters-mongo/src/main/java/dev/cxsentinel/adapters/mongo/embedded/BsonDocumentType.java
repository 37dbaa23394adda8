package dev.cxsentinel.adapters.mongo.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store keeps a document in its file: as BSON, behind a tag byte. H2's default
 * ({@link ObjectDataType}) Java-serializes every document on its own, class descriptors included: reading 100k
 * offers back spent most of the server's time in {@code ObjectInputStream}, and every value carried the same few
 * hundred bytes of descriptors. Files written before keep their values readable: a value without the tag is one
 * of H2's own (their tags are all below {@link #TAG}) and is read the old way until it is next written.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    /** Above every tag {@link ObjectDataType} writes (0–119 in H2 2.3). */
    static final byte TAG = (byte) 0xC8;
    private final ObjectDataType legacy = new ObjectDataType();
    /** A running estimate for H2's page sizing, as its own serialized-object type keeps one. */
    private volatile int averageSize = 1024;
    private final EncodedDocuments encoded = new EncodedDocuments();
    /** Documents encoded, in this JVM: tests count them. */
    static final LongAdder ENCODINGS = new LongAdder();

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bytes = encoded.get(document);
        if (bytes == null) {
            bytes = encode(document);
            encoded.put(document, bytes);
        }
        buffer.put(TAG);
        buffer.put(bytes);
    }

    private byte[] encode(Document document) {
        ENCODINGS.increment();
        ByteBuf bson = Unpooled.buffer(averageSize + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            averageSize = (averageSize * 15 + length) / 16;
            byte[] bytes = new byte[length];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != TAG) {
            return (Document) legacy.read(buffer);
        }
        int start = buffer.position() + 1;
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.duplicate().position(start).limit(start + length).slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(start + length);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
