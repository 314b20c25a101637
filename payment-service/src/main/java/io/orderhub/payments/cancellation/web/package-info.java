/** {@code POST /api/v1/payments/{id}/cancel}. */
package io.orderhub.payments.cancellation.web;
