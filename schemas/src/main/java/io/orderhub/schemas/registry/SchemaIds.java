package io.orderhub.schemas.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.avro.Schema;

/**
 * Deterministic schema ids for the {@code mock://} registry: the first 31 bits of the SHA-256 of the
 * schema's JSON rendering by Avro (its canonical text: names, fields, logical types and defaults, in
 * declaration order). Every process derives the same id for the same schema, so separately started
 * services agree on ids without a registry server.
 */
final class SchemaIds {

    private SchemaIds() {}

    static int idOf(Schema schema) {
        byte[] hash = sha256(schema.toString().getBytes(StandardCharsets.UTF_8));
        int id = ((hash[0] & 0x7f) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
        return id == 0 ? 1 : id;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
