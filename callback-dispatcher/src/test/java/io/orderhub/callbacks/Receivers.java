package io.orderhub.callbacks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the channels' receivers got, and how a receiver checks a callback's signatures. */
public final class Receivers {

    private Receivers() {}

    /** The hub-format callbacks about one order that reached a path, in arrival order. */
    public static List<LoggedRequest> callbacksFor(WireMockServer receiver, String path, UUID orderId) {
        return receiver.findAll(postRequestedFor(urlEqualTo(path))
                .withRequestBody(matchingJsonPath("$.order_id", equalTo(orderId.toString()))));
    }

    /** The plugin's check of X-Order-Hub-Signature: hex HMAC-SHA256 of the raw body, keyed by the secret. */
    public static String orderHubSignature(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** A Standard Webhooks receiver's check: v1 signature over "id.timestamp.body". */
    public static String standardWebhooksSignature(String secret, String id, String timestamp, byte[] body) {
        byte[] key = secret.startsWith("whsec_")
                ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
        String signed = id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
