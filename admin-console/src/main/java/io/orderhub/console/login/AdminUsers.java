package io.orderhub.console.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The console's users from {@code ADMIN_USERS}: comma-separated {@code name:secret}, {@code name:sha256:<hex>}
 * or {@code name:{bcrypt}<hash>}, each optionally followed by {@code ;role=viewer|operator} (default viewer).
 * A plain secret is held only as its SHA-256, so every password check compares hashes in constant time. A
 * malformed entry stops the start with a message naming the entry's position, never its secret.
 */
public final class AdminUsers {

    private final Map<String, UserDetails> users;

    private AdminUsers(Map<String, UserDetails> users) {
        this.users = users;
    }

    public static AdminUsers parse(String list) {
        Map<String, UserDetails> users = new LinkedHashMap<>();
        if (list == null || list.isBlank()) {
            return new AdminUsers(users);
        }
        String[] entries = list.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            UserDetails user = entry(entry, i + 1);
            if (users.putIfAbsent(user.getUsername(), user) != null) {
                throw new IllegalArgumentException(
                        "ADMIN_USERS entry " + (i + 1) + ": user " + user.getUsername() + " is listed twice");
            }
        }
        return new AdminUsers(users);
    }

    private static UserDetails entry(String entry, int position) {
        String[] parts = entry.split(";");
        String credential = parts[0];
        Role role = Role.VIEWER;
        for (int p = 1; p < parts.length; p++) {
            String option = parts[p].strip();
            if (!option.startsWith("role=")) {
                throw invalid(position, "unknown option (only ;role=viewer|operator)");
            }
            role = Role.named(option.substring("role=".length()))
                    .orElseThrow(() -> invalid(position, "role must be viewer or operator"));
        }
        int colon = credential.indexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw invalid(position, "expected name:secret, name:sha256:<hex> or name:{bcrypt}<hash>");
        }
        String name = credential.substring(0, colon).strip();
        String secret = credential.substring(colon + 1);
        return User.withUsername(name)
                .password(encoded(secret, position))
                .roles(role.name())
                .build();
    }

    /** The form {@link PasswordEncoders#delegating()} understands: {@code {bcrypt}…} or {@code {sha256}<hex>}. */
    private static String encoded(String secret, int position) {
        if (secret.startsWith("{bcrypt}")) {
            if (!secret.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw invalid(position, "not a bcrypt hash");
            }
            return secret;
        }
        if (secret.startsWith("sha256:")) {
            String hex = secret.substring("sha256:".length()).toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw invalid(position, "sha256: must be followed by 64 hex digits");
            }
            return "{sha256}" + hex;
        }
        return "{sha256}" + sha256Hex(secret);
    }

    static String sha256Hex(CharSequence text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static IllegalArgumentException invalid(int position, String why) {
        return new IllegalArgumentException("ADMIN_USERS entry " + position + ": " + why);
    }

    public List<UserDetails> all() {
        return new ArrayList<>(users.values());
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }
}
