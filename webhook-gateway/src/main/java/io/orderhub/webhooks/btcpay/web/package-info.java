/** {@code POST /api/v1/webhooks/btcpay}. */
package io.orderhub.webhooks.btcpay.web;
