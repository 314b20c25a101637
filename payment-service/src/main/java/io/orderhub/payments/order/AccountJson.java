package io.orderhub.payments.order;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order on account's terms as the read model keeps them (a jsonb column): the {@link OnAccount} record in
 * snake case. Also how the invoice package stores what it fixed at issue, so both read the same shape.
 */
public final class AccountJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private AccountJson() {}

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }
}
