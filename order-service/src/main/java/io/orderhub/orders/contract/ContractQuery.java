package io.orderhub.orders.contract;

import java.time.Instant;
import java.util.UUID;

/** A page of contracts: optional filters, the position after which it starts, and its size. */
public record ContractQuery(String channel, ContractStatus status, Position after, int limit) {

    /** The last contract of the previous page. */
    public record Position(Instant createdAt, UUID id) {}
}
