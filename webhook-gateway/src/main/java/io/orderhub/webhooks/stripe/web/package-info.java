/** {@code POST /api/v1/webhooks/stripe}. */
package io.orderhub.webhooks.stripe.web;
