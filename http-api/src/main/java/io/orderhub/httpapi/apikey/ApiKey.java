package io.orderhub.httpapi.apikey;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Set;

/**
 * The caller: a key's channel, its name (the actor in histories) and scopes, and its rate limit when
 * it has its own. Channel {@code admin} acts for every channel. Controllers take it as a parameter;
 * the API description shows it as the {@code bearer} security scheme, not as a parameter.
 */
@Hidden
public record ApiKey(String channel, String name, Set<Scope> scopes, RateLimit rateLimit) {

    public static final String ADMIN = "admin";

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean isAdmin() {
        return ADMIN.equals(channel);
    }

    /** Unique per key: what rate limits and idempotency keys are scoped by. */
    public String id() {
        return channel + ":" + name;
    }

    /** Whether this key may see data of the given channel (others answer 404, so ids do not leak). */
    public boolean canSee(String dataChannel) {
        return isAdmin() || channel.equals(dataChannel);
    }

    /** A channel key creates only for its own source: 403 otherwise. */
    public void requireOwnSource(String source) {
        if (!isAdmin() && !channel.equals(source)) {
            throw new ApiException(
                    ProblemType.FORBIDDEN, "An API key of channel " + channel + " cannot act for source " + source);
        }
    }

    @Override
    public String toString() {
        return "ApiKey[" + id() + "]";
    }
}
