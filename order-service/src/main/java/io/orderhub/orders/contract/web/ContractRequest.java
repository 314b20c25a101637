package io.orderhub.orders.contract.web;

import io.orderhub.orders.contract.ContractInput;
import java.math.BigDecimal;

/**
 * A contract's body: on create every part but {@code status}; on PATCH any of {@code status},
 * {@code customer}, {@code payment_terms}, {@code credit_limit} (each part replaced whole). Unknown fields
 * are ignored, as everywhere in the API.
 */
record ContractRequest(
        String channel, String status, CustomerRequest customer, TermsRequest paymentTerms, LimitRequest creditLimit) {

    record CustomerRequest(String company, String vatId, String email, AddressRequest address, String buyerReference) {}

    record AddressRequest(String line1, String postalCode, String city, String country) {}

    record TermsRequest(Integer netDays, BigDecimal discountPercent, Integer discountDays) {}

    record LimitRequest(BigDecimal amount, String currency) {}

    ContractInput.Customer customerInput() {
        if (customer == null) {
            return null;
        }
        AddressRequest a = customer.address();
        return new ContractInput.Customer(
                customer.company(),
                customer.vatId(),
                customer.email(),
                a == null ? null : new ContractInput.Address(a.line1(), a.postalCode(), a.city(), a.country()),
                customer.buyerReference());
    }

    ContractInput.Terms termsInput() {
        return paymentTerms == null
                ? null
                : new ContractInput.Terms(
                        paymentTerms.netDays(), paymentTerms.discountPercent(), paymentTerms.discountDays());
    }

    ContractInput.Limit limitInput() {
        return creditLimit == null ? null : new ContractInput.Limit(creditLimit.amount(), creditLimit.currency());
    }
}
