package io.orderhub.orders.contract;

/** What an invoice needs of a contract at one version: whom it names and when it is due. */
public record ContractTerms(BusinessCustomer customer, PaymentTerms paymentTerms) {}
