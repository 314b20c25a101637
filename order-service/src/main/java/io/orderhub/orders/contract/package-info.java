/**
 * B2B framework contracts: a channel's business customer, payment terms, credit limit and agreed prices, every
 * version of them kept, and the checks an order on account passes under the contract's row lock.
 */
package io.orderhub.orders.contract;
