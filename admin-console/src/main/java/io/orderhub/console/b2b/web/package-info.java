/** B2B: contracts with their receivables aging and invoices, and the bank credits the hub could not place. */
package io.orderhub.console.b2b.web;
