package io.orderhub.httpapi.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured keys, from {@code API_KEYS} (comma-separated) and {@code API_KEYS_FILE} (one per line):
 * {@code channel:secret} or {@code channel:sha256:<hex>}, each optionally followed by {@code ;name=},
 * {@code ;limit=<n>/<window>} and {@code ;scopes=a|b}. Only SHA-256 hashes are kept; a presented key is
 * hashed and compared with every configured hash in constant time.
 */
public final class ApiKeys {

    private static final Set<Scope> CHANNEL_DEFAULT_SCOPES = EnumSet.of(
            Scope.ORDERS_READ,
            Scope.ORDERS_WRITE,
            Scope.PAYMENTS_READ,
            Scope.PAYMENTS_WRITE,
            Scope.CALLBACKS_READ,
            Scope.CALLBACKS_WRITE);

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parses every entry; a bad entry fails start-up with a message that never repeats a secret. */
    public static ApiKeys parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        int number = 0;
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            number++;
            Entry entry = parseEntry(text, number);
            if (!ids.add(entry.key().id())) {
                throw new IllegalArgumentException("API key entry " + number + ": a second key named "
                        + entry.key().id() + "; give each key its own ;name=");
            }
            if (!hashes.add(HexFormat.of().formatHex(entry.hash()))) {
                throw new IllegalArgumentException(
                        "API key entry " + number + " (" + entry.key().id() + "): the same secret as an earlier key");
            }
            entries.add(entry);
        }
        return new ApiKeys(entries);
    }

    public int size() {
        return entries.size();
    }

    /** The key whose secret this is; every configured hash is compared, so timing tells nothing. */
    public Optional<ApiKey> authenticate(String presented) {
        byte[] hash = sha256(presented);
        ApiKey match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(hash, entry.hash())) {
                match = entry.key();
            }
        }
        return Optional.ofNullable(match);
    }

    private static Entry parseEntry(String text, int number) {
        String[] parts = text.split(";");
        String credential = parts[0].strip();
        int colon = credential.indexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            throw new IllegalArgumentException(
                    "API key entry " + number + ": expected channel:secret or channel:sha256:<hex>");
        }
        String channel = credential.substring(0, colon);
        if (!channel.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new IllegalArgumentException(
                    "API key entry " + number + ": channel must be lower-case letters, digits, - or _");
        }
        String secret = credential.substring(colon + 1);
        byte[] hash;
        if (secret.startsWith("sha256:")) {
            String hex = secret.substring("sha256:".length());
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(
                        "API key entry " + number + " (" + channel + "): sha256: needs 64 hex digits");
            }
            hash = HexFormat.of().parseHex(hex.toLowerCase());
        } else {
            if (secret.length() < 10) {
                throw new IllegalArgumentException(
                        "API key entry " + number + " (" + channel + "): a secret needs 10 characters or more");
            }
            hash = sha256(secret);
        }
        String name = channel;
        RateLimit limit = null;
        Set<Scope> scopes = ApiKey.ADMIN.equals(channel) ? EnumSet.allOf(Scope.class) : CHANNEL_DEFAULT_SCOPES;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].strip();
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("API key entry " + number + " (" + channel + "): option without =");
            }
            String value = option.substring(equals + 1).strip();
            switch (option.substring(0, equals).strip()) {
                case "name" -> {
                    if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
                        throw new IllegalArgumentException("API key entry " + number + " (" + channel + "): bad name");
                    }
                    name = value;
                }
                case "limit" -> limit = RateLimit.parse(value);
                case "scopes" -> scopes = parseScopes(value, number, channel);
                default ->
                    throw new IllegalArgumentException("API key entry " + number + " (" + channel + "): unknown option "
                            + option.substring(0, equals));
            }
        }
        return new Entry(new ApiKey(channel, name, scopes, limit), hash);
    }

    private static Set<Scope> parseScopes(String value, int number, String channel) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String label : value.split("\\|")) {
            scopes.add(Scope.parse(label.strip())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "API key entry " + number + " (" + channel + "): unknown scope " + label.strip())));
        }
        return scopes;
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Entry(ApiKey key, byte[] hash) {}
}
