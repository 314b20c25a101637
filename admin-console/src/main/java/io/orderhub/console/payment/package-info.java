/** What the console works out from payment-service's answers for more than one page: the stuck payments. */
package io.orderhub.console.payment;
