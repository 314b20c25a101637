package io.orderhub.webhooks.intake;

import java.util.Locale;

/** Why a webhook was refused before anything was published; the {@code reason} tag of the rejected metric. */
public enum Rejection {
    SIGNATURE_MISSING,
    SIGNATURE_INVALID,
    TIMESTAMP_STALE,
    PAYLOAD_TOO_LARGE,
    UNPARSEABLE_PAYLOAD,
    /** The connection failed while the body was being read. */
    BODY_UNREADABLE,
    /** The provider's secret is not set, so nothing of it can be verified (answered 503: it retries). */
    PROVIDER_NOT_CONFIGURED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
