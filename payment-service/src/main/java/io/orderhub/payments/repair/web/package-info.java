/** {@code POST /api/v1/payments/{id}/check}: ask the provider about one payment now. */
package io.orderhub.payments.repair.web;
