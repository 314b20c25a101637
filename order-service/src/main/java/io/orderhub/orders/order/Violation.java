package io.orderhub.orders.order;

/** One invalid field of a request, named by its JSON path as the client wrote it ({@code items[0].price}). */
public record Violation(String field, String message) {}
