/** {@code POST /api/v1/payments/{id}/refunds}. */
package io.orderhub.payments.refund.web;
