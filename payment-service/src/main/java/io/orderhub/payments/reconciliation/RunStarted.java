package io.orderhub.payments.reconciliation;

import java.util.UUID;

/** A run was stored as running; it is carried out once its transaction committed. */
record RunStarted(UUID runId) {}
