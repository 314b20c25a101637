package io.orderhub.callbacks.sending;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures of a hub-format callback. Both are one HMAC-SHA256 each, done with the JDK's {@link Mac}:
 * the Standard Webhooks Java library is not on Maven Central, and the old hub's header has no library at all.
 */
public final class HubSignatures {

    public static final String ORDER_HUB_SIGNATURE = "X-Order-Hub-Signature";
    public static final String WEBHOOK_ID = "webhook-id";
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";

    private static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";

    private HubSignatures() {}

    /** The old hub's header: hex HMAC-SHA256 of the exact body, keyed by the UTF-8 bytes of the whole secret. */
    public static String orderHubSignature(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /**
     * Standard Webhooks: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed by the base64-decoded
     * part after {@code whsec_}, or by the UTF-8 bytes of a secret without that prefix.
     */
    public static String standardWebhooksSignature(String secret, String messageId, long timestamp, byte[] body) {
        byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(standardWebhooksKey(secret), signed));
    }

    static byte[] standardWebhooksKey(String secret) {
        if (secret.startsWith(STANDARD_WEBHOOKS_PREFIX)) {
            return Base64.getDecoder().decode(secret.substring(STANDARD_WEBHOOKS_PREFIX.length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
