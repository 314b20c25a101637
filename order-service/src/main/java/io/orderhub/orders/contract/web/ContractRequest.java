package io.orderhub.orders.contract.web;

import io.orderhub.orders.contract.ContractInput;
import java.math.BigDecimal;
import java.util.List;

/**
 * A contract's body: on create every part but {@code status} ({@code agreed_prices} optional); on PATCH any of
 * {@code status}, {@code customer}, {@code payment_terms}, {@code credit_limit}, {@code agreed_prices} (each
 * part replaced whole). Unknown fields are ignored, as everywhere in the API.
 */
record ContractRequest(
        String channel,
        String status,
        CustomerRequest customer,
        TermsRequest paymentTerms,
        LimitRequest creditLimit,
        List<PriceRequest> agreedPrices) {

    record CustomerRequest(String company, String vatId, String email, AddressRequest address, String buyerReference) {}

    record AddressRequest(String line1, String postalCode, String city, String country) {}

    record TermsRequest(Integer netDays, BigDecimal discountPercent, Integer discountDays) {}

    record LimitRequest(BigDecimal amount, String currency) {}

    record PriceRequest(String sku, BigDecimal unitPrice) {}

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

    /** Null when absent; a null entry stays null, for the check to name it. */
    List<ContractInput.Price> priceInputs() {
        return agreedPrices == null
                ? null
                : agreedPrices.stream()
                        .map(p -> p == null ? null : new ContractInput.Price(p.sku(), p.unitPrice()))
                        .toList();
    }
}
