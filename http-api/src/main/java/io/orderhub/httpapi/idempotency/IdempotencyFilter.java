package io.orderhub.httpapi.idempotency;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.ApiKeyFilter;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.httpapi.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency-Key on the API's writes, as ARCHITECTURE.md (Idempotency) lays it out:
 *
 * <ol>
 *   <li>a short transaction claims the key for this API key (row {@code in_flight} with a lease and a
 *       fencing token; a request taking over an expired lease raises the token, and only the holder of
 *       the current token may store an answer or release the key); a
 *       completed claim with the same fingerprint is replayed byte for byte with
 *       {@code Idempotent-Replayed: true}, one in flight within its lease answers 409, another
 *       fingerprint answers 422;
 *   <li>the handler runs; {@link IdempotentResponses} stores the answer in the effect's own transaction,
 *       so effect and stored answer commit together;
 *   <li>afterwards, an answer that was not stored with an effect is stored now — unless it is a 5xx, 409
 *       or 429, which are not stored: the claim is released and a retry runs again.
 * </ol>
 */
public class IdempotencyFilter extends org.springframework.web.filter.OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /** Visible ASCII without spaces; the WooCommerce plugin's {@code wc_<order id>_<timestamp>} fits. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null
                || request.getAttribute(ApiKeyFilter.ATTRIBUTE) == null
                || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(
                    request,
                    response,
                    ProblemType.MALFORMED_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        ApiKey caller = (ApiKey) request.getAttribute(ApiKeyFilter.ATTRIBUTE);
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(), cached.body());

        Claim claim = store.claim(caller.id(), key, fingerprint);
        switch (claim.outcome()) {
            case REPLAY -> replay(claim.stored(), response);
            case IN_FLIGHT -> {
                response.setHeader("Retry-After", "1");
                problems.write(
                        request,
                        response,
                        ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
            case MISMATCH ->
                problems.write(
                        request,
                        response,
                        ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request");
            case PROCEED -> proceed(cached, response, chain, new ActiveClaim(caller.id(), key, claim.fence()));
        }
    }

    private void proceed(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, ActiveClaim claim)
            throws ServletException, IOException {
        request.setAttribute(ActiveClaim.ATTRIBUTE, claim);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(request, captured);
            answered = true;
        } finally {
            if (!claim.completed) {
                int status = captured.getStatus();
                if (claim.lost) {
                    captured.setHeader("Retry-After", "1");
                } else if (!answered || status >= 500 || status == 409 || status == 429) {
                    store.release(claim.apiKey, claim.key, claim.fence);
                } else if (!store.completeAfterwards(claim.apiKey, claim.key, claim.fence, stored(captured))) {
                    log.warn(
                            "Idempotency-Key of API key {} was taken over while its request ran; its answer ({}) is not stored",
                            claim.apiKey,
                            status);
                }
            }
            captured.copyBodyToResponse();
        }
    }

    private static StoredResponse stored(ContentCachingResponseWrapper response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : StoredResponse.KEPT_HEADERS) {
            String value = name.equals("Content-Type") ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredResponse(response.getStatus(), headers, response.getContentAsByteArray());
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }
}
