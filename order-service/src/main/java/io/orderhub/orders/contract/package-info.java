/**
 * B2B framework contracts: a channel's business customer, payment terms and credit limit, every version of
 * them kept, and the credit check an order on account passes under the contract's row lock.
 */
package io.orderhub.orders.contract;
