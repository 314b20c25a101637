/** {@code /api/v1/terminal/**}: the old hub's Terminal endpoints, with its request and response field names. */
package io.orderhub.payments.terminal.web;
