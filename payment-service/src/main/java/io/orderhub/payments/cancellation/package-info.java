/** Cancelling payments: on request, and every open provider payment of an order that was cancelled. */
package io.orderhub.payments.cancellation;
