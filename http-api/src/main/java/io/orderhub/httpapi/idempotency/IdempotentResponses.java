package io.orderhub.httpapi.idempotency;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs a write and renders its answer in one transaction, and — when the request holds an
 * Idempotency-Key — stores that exact answer in the same transaction, so the effect and the answer a
 * retry will get commit together. Controllers of transactional writes return through it:
 *
 * <pre>{@code
 * return responses.commit(() -> ResponseEntity.status(201).body(ApiResponse.of(view(placeOrder.place(command)))));
 * }</pre>
 *
 * The use case's own {@code @Transactional} joins this transaction. Writes that call a payment provider
 * must not run in a transaction: they commit their own steps, and the filter stores their answer right
 * after (their use cases are idempotent by design, see payment-service).
 */
public class IdempotentResponses {

    private final IdempotencyStore store;
    private final ObjectMapper json;

    public IdempotentResponses(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Transactional
    public ResponseEntity<byte[]> commit(Supplier<ResponseEntity<?>> write) {
        ResponseEntity<?> answer = write.get();
        byte[] body = answer.getBody() == null ? new byte[0] : json.writeValueAsBytes(answer.getBody());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        if (headers.getContentType() == null && body.length > 0) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ActiveClaim claim = activeClaim();
        if (claim != null) {
            Map<String, String> kept = new LinkedHashMap<>();
            for (String name : StoredResponse.KEPT_HEADERS) {
                String value = headers.getFirst(name);
                if (value != null) {
                    kept.put(name, value);
                }
            }
            boolean stored = store.completeWithEffect(
                    claim.apiKey,
                    claim.key,
                    claim.fence,
                    new StoredResponse(answer.getStatusCode().value(), kept, body));
            if (!stored) {
                // Another request took the key over after this one's lease ran out: its effect is the one
                // that counts, so this one's rolls back and the client is told to retry (and gets a replay).
                claim.lost = true;
                throw new ApiException(
                        ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                        "A request with this Idempotency-Key is still being processed; retry shortly");
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    claim.completed = true;
                }
            });
        }
        return new ResponseEntity<>(body, headers, answer.getStatusCode());
    }

    private static ActiveClaim activeClaim() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null
                ? null
                : (ActiveClaim) attributes.getAttribute(ActiveClaim.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
