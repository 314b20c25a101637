/** The admin API of reconciliation runs: start one, read one with its mismatches (JSON or CSV), list them. */
package io.orderhub.payments.reconciliation.web;
