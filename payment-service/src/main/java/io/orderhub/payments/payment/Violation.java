package io.orderhub.payments.payment;

/** One invalid field of a request, named as the client wrote it ({@code order_id}). */
public record Violation(String field, String message) {}
