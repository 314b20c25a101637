package io.orderhub.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs test webhooks the way Stripe and BTCPay Server sign them, computed here independently of the
 * code under test (and of stripe-java).
 */
public final class Signing {

    private Signing() {}

    /** {@code t=<t>,v1=<hex HMAC-SHA256 of "t.body" keyed by the UTF-8 bytes of the whole secret>}. */
    public static String stripe(String body, String secret, long timestamp) {
        return "t=" + timestamp + ",v1=" + stripeV1(body, secret, timestamp);
    }

    public static String stripeV1(String body, String secret, long timestamp) {
        return hmacHex(secret, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256=<hex HMAC-SHA256 of the raw body keyed by the UTF-8 bytes of the secret>}. */
    public static String btcpay(byte[] body, String secret) {
        return "sha256=" + hmacHex(secret, body);
    }

    public static String btcpay(String body, String secret) {
        return btcpay(body.getBytes(StandardCharsets.UTF_8), secret);
    }

    private static String hmacHex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
