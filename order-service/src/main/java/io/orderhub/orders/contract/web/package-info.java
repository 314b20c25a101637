/** {@code /api/v1/contracts}: admin keys create, read, list and change contracts. */
package io.orderhub.orders.contract.web;
