package io.orderhub.orders.order;

import io.orderhub.orders.contract.ContractId;

/**
 * How an order on account is paid: under its B2B contract, at the version of the contract's terms it was
 * placed under, by bank transfer against an invoice (docs/b2b.md).
 */
public record OnAccount(ContractId contract, long contractVersion) {

    /** The only payment method an order names today. */
    public static final String INVOICE = "invoice";

    public String paymentMethod() {
        return INVOICE;
    }
}
