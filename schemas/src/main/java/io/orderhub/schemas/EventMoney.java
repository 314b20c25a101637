package io.orderhub.schemas;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in events is Avro {@code decimal(19,4)}, and Avro refuses a {@link BigDecimal} of any other
 * scale. Amounts never have more than four fraction digits (ISO 4217 has at most three), so the
 * rescale is exact; {@link RoundingMode#UNNECESSARY} makes sure it stays so.
 */
public final class EventMoney {

    public static final int SCALE = 4;

    private EventMoney() {}

    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }
}
