/** BTCPay Server webhooks: BTCPay-Sig verification, invoice and payout events, publishing. */
package io.orderhub.webhooks.btcpay;
