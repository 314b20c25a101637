package io.orderhub.orders.order.web;

/** {@code {"status": "...", "reason": "..."}}. */
record TransitionRequest(String status, String reason) {}
