package io.orderhub.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format: magic byte 0, the schema id as a big-endian int, then Avro binary. */
final class ConfluentWireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {}

    static void writeHeader(ByteBuffer buffer, int schemaId) {
        buffer.put(MAGIC_BYTE).putInt(schemaId);
    }

    static int readSchemaId(byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new SerializationException("Not a Confluent-format Avro value: " + data.length + " bytes");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException("Not a Confluent-format Avro value: magic byte " + data[0]);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
