/** {@code POST /api/v1/payments}. */
package io.orderhub.payments.creation.web;
