/** The bank statement import and the bank credits' list and assignment, for admin keys. */
package io.orderhub.payments.bank.web;
