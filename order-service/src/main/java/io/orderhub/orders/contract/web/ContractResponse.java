package io.orderhub.orders.contract.web;

import io.orderhub.money.Money;
import io.orderhub.orders.contract.BusinessCustomer;
import io.orderhub.orders.contract.Contract;
import io.orderhub.orders.contract.PaymentTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contract as every contract response shows it: the fields of its create body, plus id, status and version. */
record ContractResponse(
        UUID id,
        String channel,
        String status,
        long version,
        CustomerResponse customer,
        TermsResponse paymentTerms,
        LimitResponse creditLimit,
        List<PriceResponse> agreedPrices,
        Instant createdAt,
        Instant updatedAt) {

    record CustomerResponse(
            String company, String vatId, String email, AddressResponse address, String buyerReference) {}

    record AddressResponse(String line1, String postalCode, String city, String country) {}

    record TermsResponse(int netDays, BigDecimal discountPercent, Integer discountDays) {}

    record LimitResponse(BigDecimal amount, String currency) {}

    /** {@code unit_price} at the currency's scale (8.50), as the credit limit is shown. */
    record PriceResponse(String sku, BigDecimal unitPrice) {}

    static ContractResponse of(Contract c) {
        BusinessCustomer customer = c.customer();
        BusinessCustomer.Address a = customer.address();
        PaymentTerms terms = c.paymentTerms();
        return new ContractResponse(
                c.id().value(),
                c.channel(),
                c.status().apiName(),
                c.version(),
                new CustomerResponse(
                        customer.company(),
                        customer.vatId(),
                        customer.email(),
                        new AddressResponse(a.line1(), a.postalCode(), a.city(), a.country()),
                        customer.buyerReference()),
                new TermsResponse(terms.netDays(), terms.discountPercent(), terms.discountDays()),
                new LimitResponse(
                        c.creditLimit().amount(), c.creditLimit().currency().code()),
                c.agreedPrices().stream()
                        .map(p -> new PriceResponse(
                                p.sku(),
                                Money.of(p.unitPrice(), c.creditLimit().currency())
                                        .amount()))
                        .toList(),
                c.createdAt(),
                c.updatedAt());
    }
}
