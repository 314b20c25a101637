package io.orderhub.orders.contract;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of a contract as a client sends them, and their checks: each turns into its domain value or
 * records what is wrong under the field's JSON path, so one answer names every invalid field.
 */
public final class ContractInput {

    static final String NO_SUCH_CONTRACT = "names no contract of the order's channel";
    static final int MAX_NET_DAYS = 365;
    static final int MAX_AGREED_PRICES = 1000;
    /** As long as an order item's {@code sku} may be. */
    static final int MAX_SKU_LENGTH = 255;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * The shape of each EU member state's VAT identification number after its prefix (the European
     * Commission's VIES formats; Greece is {@code EL}, Northern Ireland {@code XI}). Only the shape: whether
     * the number exists is VIES's to say.
     */
    private static final Map<String, Pattern> EU_VAT = Map.ofEntries(
            Map.entry("AT", Pattern.compile("U\\d{8}")),
            Map.entry("BE", Pattern.compile("[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("\\d{9,10}")),
            Map.entry("CY", Pattern.compile("\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("\\d{8,10}")),
            Map.entry("DE", Pattern.compile("\\d{9}")),
            Map.entry("DK", Pattern.compile("\\d{8}")),
            Map.entry("EE", Pattern.compile("\\d{9}")),
            Map.entry("EL", Pattern.compile("\\d{9}")),
            Map.entry("ES", Pattern.compile("[A-Z0-9]\\d{7}[A-Z0-9]")),
            Map.entry("FI", Pattern.compile("\\d{8}")),
            Map.entry("FR", Pattern.compile("[A-HJ-NP-Z0-9]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("\\d{11}")),
            Map.entry("HU", Pattern.compile("\\d{8}")),
            Map.entry("IE", Pattern.compile("\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]")),
            Map.entry("IT", Pattern.compile("\\d{11}")),
            Map.entry("LT", Pattern.compile("\\d{9}|\\d{12}")),
            Map.entry("LU", Pattern.compile("\\d{8}")),
            Map.entry("LV", Pattern.compile("\\d{11}")),
            Map.entry("MT", Pattern.compile("\\d{8}")),
            Map.entry("NL", Pattern.compile("\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("\\d{10}")),
            Map.entry("PT", Pattern.compile("\\d{9}")),
            Map.entry("RO", Pattern.compile("[1-9]\\d{1,9}")),
            Map.entry("SE", Pattern.compile("\\d{10}01")),
            Map.entry("SI", Pattern.compile("\\d{8}")),
            Map.entry("SK", Pattern.compile("\\d{10}")),
            Map.entry("XI", Pattern.compile("\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}")));

    /** Outside the EU: a country prefix and 2 to 13 letters or digits (e.g. CHE123456789, GB123456789). */
    private static final Pattern OTHER_VAT = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,13}");

    private ContractInput() {}

    public record Customer(String company, String vatId, String email, Address address, String buyerReference) {}

    public record Address(String line1, String postalCode, String city, String country) {}

    public record Terms(Integer netDays, BigDecimal discountPercent, Integer discountDays) {}

    public record Limit(BigDecimal amount, String currency) {}

    public record Price(String sku, BigDecimal unitPrice) {}

    /** Collects every invalid field, so one answer names them all. */
    static final class Problems {

        private final List<InvalidContractException.FieldProblem> problems = new ArrayList<>();

        void add(String field, String message) {
            problems.add(new InvalidContractException.FieldProblem(field, message));
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidContractException(problems);
            }
        }

        /** The text, stripped, or null (and a problem) when it is missing, blank or too long. */
        String required(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                add(field, "is required");
                return null;
            }
            return optional(field, value, maxLength);
        }

        String optional(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            if (text.length() > maxLength) {
                add(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }
    }

    static BusinessCustomer customer(Problems p, Customer in) {
        if (in == null) {
            p.add("customer", "is required");
            return null;
        }
        String company = p.required("customer.company", in.company(), 255);
        String vatId = vatId(p, in.vatId());
        String email = p.required("customer.email", in.email(), 320);
        if (email != null && !EMAIL.matcher(email).matches()) {
            p.add("customer.email", "must be an email address");
        }
        String buyerReference = p.optional("customer.buyer_reference", in.buyerReference(), 255);
        BusinessCustomer.Address address = address(p, in.address());
        return new BusinessCustomer(company, vatId, email, address, buyerReference);
    }

    private static BusinessCustomer.Address address(Problems p, Address in) {
        if (in == null) {
            p.add("customer.address", "is required");
            return null;
        }
        String line1 = p.required("customer.address.line1", in.line1(), 255);
        String postalCode = p.required("customer.address.postal_code", in.postalCode(), 16);
        String city = p.required("customer.address.city", in.city(), 255);
        String country = p.required("customer.address.country", in.country(), 2);
        if (country != null && !COUNTRIES.contains(country)) {
            p.add(
                    "customer.address.country",
                    "must be an ISO 3166-1 alpha-2 country code in upper case (DE, AT, FR, ...)");
        }
        return new BusinessCustomer.Address(line1, postalCode, city, country);
    }

    /** Optional; spaces, dots and hyphens are dropped and letters upper-cased before the shape is checked. */
    private static String vatId(Problems p, String in) {
        if (in == null || in.isBlank()) {
            return null;
        }
        String id = in.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        Pattern eu = id.length() < 2 ? null : EU_VAT.get(id.substring(0, 2));
        if (eu != null) {
            if (!eu.matcher(id.substring(2)).matches()) {
                p.add(
                        "customer.vat_id",
                        "is not shaped like a VAT id of " + id.substring(0, 2) + " (e.g. DE123456789)");
                return null;
            }
        } else if (!OTHER_VAT.matcher(id).matches()) {
            p.add("customer.vat_id", "must be a VAT id: a country prefix and its number (e.g. DE123456789)");
            return null;
        }
        return id;
    }

    static PaymentTerms terms(Problems p, Terms in) {
        if (in == null) {
            p.add("payment_terms", "is required");
            return null;
        }
        boolean valid = true;
        if (in.netDays() == null) {
            p.add("payment_terms.net_days", "is required");
            valid = false;
        } else if (in.netDays() < 0 || in.netDays() > MAX_NET_DAYS) {
            p.add("payment_terms.net_days", "must be between 0 and " + MAX_NET_DAYS);
            valid = false;
        }
        BigDecimal percent = in.discountPercent();
        Integer days = in.discountDays();
        if (percent != null) {
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0) {
                p.add("payment_terms.discount_percent", "must be greater than 0 and less than 100");
                valid = false;
            } else if (percent.stripTrailingZeros().scale() > 2) {
                p.add("payment_terms.discount_percent", "has more than 2 fraction digits");
                valid = false;
            }
            if (days == null) {
                p.add("payment_terms.discount_days", "is required with discount_percent");
                valid = false;
            }
        }
        if (days != null) {
            if (percent == null) {
                p.add("payment_terms.discount_percent", "is required with discount_days");
                valid = false;
            } else if (days < 0 || (in.netDays() != null && days > in.netDays())) {
                p.add("payment_terms.discount_days", "must be between 0 and net_days");
                valid = false;
            }
        }
        return valid ? new PaymentTerms(in.netDays(), percent, days) : null;
    }

    static Money creditLimit(Problems p, Limit in) {
        if (in == null) {
            p.add("credit_limit", "is required");
            return null;
        }
        CurrencyCode currency = null;
        if (in.currency() == null || in.currency().isBlank()) {
            p.add("credit_limit.currency", "is required");
        } else {
            currency = CurrencyCode.parse(in.currency()).orElse(null);
            if (currency == null) {
                p.add("credit_limit.currency", "must be an ISO 4217 currency code in upper case (EUR, CHF, ...)");
            }
        }
        BigDecimal amount = in.amount();
        if (amount == null) {
            p.add("credit_limit.amount", "is required");
            return null;
        }
        String problem = amountProblem(amount, currency);
        if (problem != null) {
            p.add("credit_limit.amount", problem);
        }
        if (problem != null || currency == null) {
            return null;
        }
        return Money.of(amount, currency);
    }

    /**
     * The agreed prices in the order sent, or null (and a problem for each invalid field) — also null when
     * none were sent. Each SKU is required and agreed once; each unit price not negative, below the limit and,
     * when the currency is known, with no more fraction digits than it has ({@link #unitPricesFit} checks
     * that once the contract's currency is).
     */
    static List<AgreedPrice> agreedPrices(Problems p, List<Price> in, CurrencyCode currency) {
        if (in == null) {
            return null;
        }
        if (in.size() > MAX_AGREED_PRICES) {
            p.add("agreed_prices", "at most " + MAX_AGREED_PRICES + " prices");
            return null;
        }
        List<AgreedPrice> prices = new ArrayList<>(in.size());
        HashMap<String, Integer> firstIndex = new HashMap<>();
        boolean valid = true;
        for (int i = 0; i < in.size(); i++) {
            String path = "agreed_prices[" + i + "]";
            Price price = in.get(i);
            if (price == null) {
                p.add(path, "must be an object with sku and unit_price");
                valid = false;
                continue;
            }
            String sku = p.required(path + ".sku", price.sku(), MAX_SKU_LENGTH);
            Integer first = sku == null ? null : firstIndex.putIfAbsent(sku, i);
            if (first != null) {
                p.add(path + ".sku", sku + " is agreed twice (also agreed_prices[" + first + "])");
            }
            String problem = price.unitPrice() == null ? "is required" : amountProblem(price.unitPrice(), currency);
            if (problem != null) {
                p.add(path + ".unit_price", problem);
            }
            valid &= sku != null && first == null && problem == null;
            prices.add(new AgreedPrice(sku, price.unitPrice()));
        }
        return valid ? prices : null;
    }

    /** Whether each unit price has no more fraction digits than the contract's currency; a problem for each. */
    static void unitPricesFit(Problems p, List<AgreedPrice> prices, CurrencyCode currency) {
        for (int i = 0; i < prices.size(); i++) {
            String problem = Money.problemWith(prices.get(i).unitPrice(), currency);
            if (problem != null) {
                p.add("agreed_prices[" + i + "].unit_price", problem);
            }
        }
    }

    /** What is wrong with an amount in the currency, or — currency unknown — what is wrong in any currency. */
    private static String amountProblem(BigDecimal amount, CurrencyCode currency) {
        if (currency != null) {
            return Money.problemWith(amount, currency);
        }
        if (amount.signum() < 0) {
            return "must not be negative";
        }
        return amount.compareTo(Money.LIMIT) >= 0 ? "must be below " + Money.LIMIT.toPlainString() : null;
    }

    static ContractStatus status(Problems p, String in) {
        if (in == null) {
            return null;
        }
        return ContractStatus.fromApiName(in).orElseGet(() -> {
            p.add("status", "must be one of " + ContractStatus.acceptedNames());
            return null;
        });
    }
}
