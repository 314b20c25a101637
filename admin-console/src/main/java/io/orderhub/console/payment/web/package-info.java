/** Payments: the stuck ones, a payment's page, and the operators' refund and cancel with a confirmation step. */
package io.orderhub.console.payment.web;
