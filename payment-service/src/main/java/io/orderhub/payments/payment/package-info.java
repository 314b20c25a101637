/** The payment aggregate: statuses and their table, refunds and disputes, history, events and queries. */
package io.orderhub.payments.payment;
