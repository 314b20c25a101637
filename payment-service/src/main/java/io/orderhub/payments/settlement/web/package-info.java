/** The admin API of settlement reports, as JSON or CSV. */
package io.orderhub.payments.settlement.web;
