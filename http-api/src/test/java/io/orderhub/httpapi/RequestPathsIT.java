package io.orderhub.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paths that the guard rails and Spring MVC could read differently are refused before either reads them,
 * and the scope a request needs follows from the path as MVC matches it. Sent over a raw socket, byte for
 * byte: an HTTP client library would normalise some of them first.
 */
class RequestPathsIT extends GuardRailsTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/orders;x=1",
                "/api/v1/orders;jsessionid=1",
                "/api/v1;a=b/orders",
                "/api/v1/%6frders;x=1",
                "/api/v1//orders",
                "/api/v1/./orders",
                "/api/v1/x/../orders",
                "/api/v1/%2e%2e/v1/orders",
                "/api/v1/orders%2f",
                "/api/v1/orders%5c",
                "/api/v1/orders%25",
                "/api/v1/health/../orders",
                "/api/v1/webhooks/%2e%2e/%2e%2e/v1/orders",
            })
    void refusesAWriteOnAnAmbiguousPathWithA400Problem(String path) throws IOException {
        String reference = "ref-" + UUID.randomUUID();

        Answer answer = send("POST", path, READONLY_KEY, order("readonly", reference, "1.00"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text()).contains("malformed-request").doesNotContain("Exception");
    }

    @Test
    void decidesTheScopeFromThePathAsSpringMatchesIt() throws IOException {
        Answer encoded =
                send("POST", "/api/v1/%6frders", READONLY_KEY, order("readonly", "ref-" + UUID.randomUUID(), "1"));
        Answer upperCaseEncoded =
                send("POST", "/api/v1/%6Frders", READONLY_KEY, order("readonly", "ref-" + UUID.randomUUID(), "1"));

        assertThat(encoded.status()).as(encoded.text()).isEqualTo(403);
        assertThat(encoded.text()).contains("insufficient-scope").contains("orders:write");
        assertThat(upperCaseEncoded.status()).isEqualTo(403);
    }

    @Test
    void stillServesAnOrdinaryPathWithPercentEncodedLetters() throws IOException {
        Answer answer =
                send("POST", "/api/v1/%6frders", SHOP_KEY, order("woocommerce", "ref-" + UUID.randomUUID(), "1"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders/%zz", "/api/v1/orders/a%00b", "/api/v1/orders/%c0%ae%c0%ae"})
    void answersAProblemForAPathTheContainerCannotDecode(String path) throws IOException {
        Answer answer = send("GET", path, SHOP_KEY, null);

        assertThat(answer.status()).as(answer.raw()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.raw()).doesNotContain("Apache Tomcat").doesNotContain("<html");
    }

    record Answer(String raw) {
        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String contentType() {
            for (String line : raw.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) {
                    return line.substring("content-type:".length()).strip();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return "";
        }

        String text() {
            int body = raw.indexOf("\r\n\r\n");
            return body < 0 ? "" : raw.substring(body + 4);
        }
    }

    private Answer send(String method, String path, String key, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return new Answer(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
