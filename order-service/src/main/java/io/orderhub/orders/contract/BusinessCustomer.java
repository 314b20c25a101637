package io.orderhub.orders.contract;

/**
 * The business customer of a contract, as its invoices will name it. {@code vatId} (normalised: upper case,
 * no spaces) and {@code buyerReference} (e.g. a Leitweg-ID) are optional.
 */
public record BusinessCustomer(String company, String vatId, String email, Address address, String buyerReference) {

    /** A billing address; {@code country} is ISO 3166-1 alpha-2. */
    public record Address(String line1, String postalCode, String city, String country) {}
}
