package io.orderhub.webhooks.btcpay;

import io.orderhub.events.Provider;
import io.orderhub.webhooks.intake.Rejection;
import io.orderhub.webhooks.intake.WebhookRejected;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks {@code BTCPay-Sig: sha256=<hex>}, the HMAC-SHA256 of the raw body keyed by the UTF-8 bytes of the
 * webhook's secret, as BTCPay Server's {@code WebhookSender} computes it; during a rotation any configured
 * secret may match. Written on the JDK's {@code Mac}
 * because no maintained BTCPay client library for Java exists; the comparison is constant-time. BTCPay
 * signs no timestamp, so there is no staleness check: a replayed delivery carries its original
 * {@code originalDeliveryId} and consumers deduplicate on it.
 */
@Component
class BtcpaySignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String SCHEME = "sha256=";
    private static final Logger log = LoggerFactory.getLogger(BtcpaySignature.class);

    private final List<SecretKeySpec> keys;

    BtcpaySignature(BtcpayWebhookProperties properties) {
        this.keys = properties.secrets().stream()
                .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM))
                .toList();
        if (keys.isEmpty()) {
            log.warn("BTCPAY_WEBHOOK_SECRET is not set: POST /api/v1/webhooks/btcpay answers 503 until it is");
        } else {
            log.info("BTCPay webhooks are verified against {} secret(s)", keys.size());
        }
    }

    boolean configured() {
        return !keys.isEmpty();
    }

    void verify(byte[] body, String header) {
        if (header == null || header.isBlank()) {
            throw rejected(Rejection.SIGNATURE_MISSING, "The BTCPay-Sig header is missing.");
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw rejected(Rejection.SIGNATURE_INVALID, "The BTCPay-Sig header is not sha256=<hex>.");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value, SCHEME.length(), value.length());
        } catch (IllegalArgumentException e) {
            throw rejected(Rejection.SIGNATURE_INVALID, "The BTCPay-Sig header is not sha256=<hex>.");
        }
        for (SecretKeySpec key : keys) {
            if (MessageDigest.isEqual(hmac(key, body), given)) {
                return;
            }
        }
        throw rejected(Rejection.SIGNATURE_INVALID, "The BTCPay-Sig signature does not match the body.");
    }

    private static byte[] hmac(SecretKeySpec key, byte[] body) {
        try {
            // Mac instances are not thread-safe; one per call costs microseconds.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static WebhookRejected rejected(Rejection reason, String detail) {
        return new WebhookRejected(Provider.BTCPAY, reason, detail);
    }
}
