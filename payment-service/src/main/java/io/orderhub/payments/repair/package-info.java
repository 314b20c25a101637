/** The repair worker: asks providers about what their webhooks left unsettled, cancels and submits refunds. */
package io.orderhub.payments.repair;
