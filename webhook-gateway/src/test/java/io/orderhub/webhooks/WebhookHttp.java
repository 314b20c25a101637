package io.orderhub.webhooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts webhooks to the gateway as raw bytes, the way Stripe and BTCPay do. */
public final class WebhookHttp {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public WebhookHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> stripe(String body, String signature) {
        return post("/api/v1/webhooks/stripe", body.getBytes(StandardCharsets.UTF_8), "Stripe-Signature", signature);
    }

    public HttpResponse<String> btcpay(String body, String signature) {
        return post("/api/v1/webhooks/btcpay", body.getBytes(StandardCharsets.UTF_8), "BTCPay-Sig", signature);
    }

    /** With a Content-Length; a null header value sends no header. */
    public HttpResponse<String> post(String path, byte[] body, String header, String value, String... more) {
        return send(request(path, header, value, more)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** Without a Content-Length (chunked), as a sender that streams its body does. */
    public HttpResponse<String> postChunked(String path, byte[] body, String header, String value) {
        return send(request(path, header, value)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }

    private HttpRequest.Builder request(String path, String header, String value, String... more) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (value != null) {
            request.header(header, value);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.header(more[i], more[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
