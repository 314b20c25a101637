package io.orderhub.httpapi.idempotency;

import java.util.Map;

/** An answer as it was sent: status, the headers that matter, the exact body bytes. */
record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    /** Headers a replay repeats; rate-limit and request-id headers are the replay's own. */
    static final java.util.List<String> KEPT_HEADERS = java.util.List.of("Content-Type", "Location");
}
