package io.orderhub.httpapi.problem;

/** One invalid field: its JSON path as the client sent it ({@code items[0].quantity}) and why. */
public record FieldError(String field, String message) {}
