/** Money: exact amounts in an ISO 4217 currency, with the currency's own number of fraction digits. */
package io.orderhub.money;
