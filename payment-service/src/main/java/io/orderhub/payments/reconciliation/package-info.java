/** Reconciliation runs: a provider's books over a window against the hub's payments, what differs, what was fixed. */
package io.orderhub.payments.reconciliation;
