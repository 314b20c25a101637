/** Bank statements (camt.053/camt.054): credits matched to invoices and recorded as bank transfers, the rest kept for an operator. */
package io.orderhub.payments.bank;
