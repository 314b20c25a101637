package io.orderhub.httpapi.response;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.FieldError;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.request.ClientInstants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A keyset position for lists ordered by (time, id) — stable under concurrent inserts, unlike offsets.
 * Opaque to clients (base64url of {@code <epoch micros>:<uuid>}); a tampered cursor is a 400.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        long micros = Math.multiplyExact(at.getEpochSecond(), 1_000_000L) + at.getNano() / 1_000;
        String text = micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, or null when it sent none. */
    public static Cursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            long micros = Long.parseLong(text.substring(0, colon));
            Instant at = Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (!ClientInstants.inRange(at)) {
                throw new IllegalArgumentException("a position no list has");
            }
            return new Cursor(at, UUID.fromString(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new ApiException(
                    ProblemType.MALFORMED_REQUEST,
                    "cursor: not a cursor this API returned",
                    List.of(new FieldError("cursor", "not a cursor this API returned")));
        }
    }

    /**
     * One page of a list read with {@code limit + 1} rows: the first {@code limit}, and the encoded cursor after
     * the last of them when the extra row showed there is more (else null).
     */
    public record Page<T>(List<T> items, String next) {

        public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> position) {
            if (fetched.size() <= limit) {
                return new Page<>(fetched, null);
            }
            List<T> items = fetched.subList(0, limit);
            return new Page<>(items, position.apply(items.get(limit - 1)).encode());
        }
    }

    /** {@code limit}: default 50, 1 to 200, else a 400 naming the field. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 200) {
            throw new ApiException(
                    ProblemType.MALFORMED_REQUEST,
                    "limit: must be between 1 and 200",
                    List.of(new FieldError("limit", "must be between 1 and 200")));
        }
        return requested;
    }
}
