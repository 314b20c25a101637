package io.orderhub.orders.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Orders created in a window, of one channel in one currency: how many and their grand totals, in the
 * currency's digits. {@code hour} is the hour (UTC) they were created in when the window is split per hour,
 * else null.
 */
public record OrderFigure(Instant hour, String channel, String currency, long orders, BigDecimal amount) {}
