package io.orderhub.payments.providerevent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The providers' example payloads under {@code src/test/resources/provider-events}. */
final class ProviderPayloads {

    private ProviderPayloads() {}

    static String read(String name) {
        try (InputStream in = ProviderPayloads.class.getResourceAsStream("/provider-events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No provider payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
