package io.orderhub.httpapi.request;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * What a JSON request body may hold, set explicitly instead of Jackson's defaults (which allow numbers of
 * 1,000 digits, documents of any size and nesting 500 deep — enough for a hostile body to cost far more to
 * parse than any channel's order). Every JSON the API reads goes through {@link #factory()}: the
 * services' mapper and the Idempotency-Key fingerprint alike, so both refuse the same bodies.
 */
public final class JsonReadLimits {

    /** An amount needs 19 digits (numeric(19,4)); the rest is room for a sign, exponent and zeros. */
    public static final int MAX_NUMBER_LENGTH = 64;

    /** Orders nest four deep (order, items, item metadata); channels' metadata objects a few more. */
    public static final int MAX_NESTING_DEPTH = 32;

    public static final int MAX_NAME_LENGTH = 256;

    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            // Strings are bounded by the document alone: a signed provider event may carry one of nearly
            // 1 MiB, and each field of an order has its own length, checked by validation with its name.
            .maxStringLength(Math.toIntExact(BodySizeLimitFilter.DEFAULT_LIMIT))
            .maxNameLength(MAX_NAME_LENGTH)
            .maxDocumentLength(BodySizeLimitFilter.DEFAULT_LIMIT)
            .build();

    private JsonReadLimits() {}

    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    }
}
