/** Reading the provider event log: a payment's events, and those that matched no payment. */
package io.orderhub.payments.providerevent.web;
