/** Reconciliation runs of payment-service over a window of Stripe payments: payments reconciled per second. */
package io.orderhub.bench.reconciliation;
