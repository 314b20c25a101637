package io.orderhub.console.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Spring Security's delegating encoder over the two stored forms of {@link AdminUsers}. */
final class PasswordEncoders {

    private PasswordEncoders() {}

    static PasswordEncoder delegating() {
        return new DelegatingPasswordEncoder(
                "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(), "sha256", new Sha256()));
    }

    /** A SHA-256 hex digest, compared in constant time (for plain secrets and {@code sha256:} entries). */
    private static final class Sha256 implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return AdminUsers.sha256Hex(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null
                    && encoded != null
                    && MessageDigest.isEqual(
                            encode(raw).getBytes(StandardCharsets.US_ASCII),
                            encoded.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
