package io.orderhub.orders.customer;

import java.util.UUID;

/** A channel's customer as the hub knows it; any detail may be unknown. */
public record Customer(UUID id, String email, String name, String phone) {}
