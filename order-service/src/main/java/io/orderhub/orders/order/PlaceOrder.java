package io.orderhub.orders.order;

import io.orderhub.messaging.id.Ids;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.orders.contract.Contract;
import io.orderhub.orders.contract.ContractId;
import io.orderhub.orders.contract.LockContract;
import io.orderhub.orders.customer.Customer;
import io.orderhub.orders.customer.CustomerDetails;
import io.orderhub.orders.customer.CustomerRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places an order a channel sends (ARCHITECTURE.md, Orders): its customer upserted by email, the order,
 * its items, its first history row and its {@code CREATED} event, in one transaction. An order on account
 * (docs/b2b.md) locks its contract first and passes the credit check in the same transaction.
 */
@Service
public class PlaceOrder {

    static final int MAX_ITEMS = 1000;
    static final int MAX_QUANTITY = 1_000_000;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigDecimal ONE = BigDecimal.ONE;

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final OrderEvents events;
    private final LockContract lockContract;
    private final Clock clock;

    PlaceOrder(
            OrderRepository orders,
            CustomerRepository customers,
            OrderEvents events,
            LockContract lockContract,
            Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.events = events;
        this.lockContract = lockContract;
        this.clock = clock;
    }

    /** One line as the channel sent it; {@code price} is the line total. */
    public record Item(
            String productId,
            String sku,
            String name,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal price,
            BigDecimal subtotal,
            BigDecimal tax,
            BigDecimal taxRate,
            String metadataJson) {}

    /**
     * An order as the channel sent it, checked field by field on construction: every invalid field is
     * reported at once ({@link InvalidOrderException}). {@code customer} is the order's {@code customer}
     * object, {@code billing} what its metadata says ({@code billing_email}, {@code billing_address});
     * each detail missing from the first is taken from the second. {@code contractId} and
     * {@code paymentMethod} ({@code invoice}) make it an order on account; both or neither.
     */
    public record Command(
            String source,
            String sourceOrderId,
            String customerId,
            CustomerDetails customer,
            CustomerDetails billing,
            String currency,
            String status,
            BigDecimal subtotal,
            BigDecimal taxTotal,
            BigDecimal shippingTotal,
            BigDecimal discountTotal,
            BigDecimal grandTotal,
            List<Item> items,
            String metadataJson,
            String contractId,
            String paymentMethod) {

        public Command {
            customer = customer == null ? new CustomerDetails(null, null, null) : customer;
            billing = billing == null ? new CustomerDetails(null, null, null) : billing;
            items = items == null ? null : Collections.unmodifiableList(new ArrayList<>(items));
            validate(
                    source,
                    sourceOrderId,
                    customerId,
                    customer,
                    billing,
                    currency,
                    status,
                    new BigDecimal[] {subtotal, taxTotal, shippingTotal, discountTotal, grandTotal},
                    items,
                    contractId,
                    paymentMethod);
        }

        /** The contract of an order on account, or null. */
        ContractId contract() {
            return contractId == null ? null : new ContractId(UUID.fromString(contractId));
        }

        /** The customer the order names: its {@code customer}, completed from the billing details. */
        public CustomerDetails customerDetails() {
            return customer.orElse(billing);
        }

        CurrencyCode currencyCode() {
            return CurrencyCode.of(currency);
        }

        InitialStatus initialStatus() {
            return InitialStatus.of(status).orElseThrow();
        }

        private static void validate(
                String source,
                String sourceOrderId,
                String customerId,
                CustomerDetails customer,
                CustomerDetails billing,
                String currency,
                String status,
                BigDecimal[] amounts,
                List<Item> items,
                String contractId,
                String paymentMethod) {
            Violations v = new Violations();
            validateOnAccount(v, contractId, paymentMethod);
            v.requiredText("source", source, 64);
            v.requiredText("source_order_id", sourceOrderId, 255);
            v.optionalText("customer_id", customerId, 255);
            validateCustomer(v, customer, billing);
            CurrencyCode code = v.currency("currency", currency);
            if (OrderStatus.PAID.apiName().equals(status)) {
                v.add("status", InitialStatus.PAID_REFUSAL);
            } else if (InitialStatus.of(status).isEmpty()) {
                v.add("status", "must be one of " + InitialStatus.acceptedNames());
            }
            String[] names = {"subtotal", "tax_total", "shipping_total", "discount_total", "grand_total"};
            for (int i = 0; i < names.length; i++) {
                v.amount(names[i], amounts[i], code);
            }
            if (items == null || items.isEmpty()) {
                v.add("items", "at least one item is required");
            } else if (items.size() > MAX_ITEMS) {
                v.add("items", "at most " + MAX_ITEMS + " items");
            } else {
                for (int i = 0; i < items.size(); i++) {
                    validateItem(v, "items[" + i + "]", items.get(i), code);
                }
            }
            if (v.isEmpty()) {
                Totals computed = totals(code, amounts, items);
                if (computed == null) {
                    v.add("discount_total", "is more than subtotal, tax and shipping together");
                } else {
                    Money[] totals = {computed.subtotal(), computed.taxTotal(), computed.grandTotal()};
                    String[] fields = {"subtotal", "tax_total", "grand_total"};
                    for (int i = 0; i < totals.length; i++) {
                        if (totals[i].amount().compareTo(Violations.AMOUNT_LIMIT) >= 0) {
                            v.add(fields[i], "must be below " + Violations.AMOUNT_LIMIT.toPlainString());
                        }
                    }
                }
            }
            v.throwIfAny();
        }

        private static void validateCustomer(Violations v, CustomerDetails customer, CustomerDetails billing) {
            v.optionalText("customer.name", customer.name(), 255);
            v.optionalText("customer.phone", customer.phone(), 64);
            if (customer.email() != null) {
                email(v, "customer.email", customer.email());
            } else if (billing.email() != null) {
                email(v, "metadata.billing_email", billing.email());
            }
            if (customer.name() == null) {
                v.optionalText("metadata.billing_address", billing.name(), 255);
            }
            if (customer.phone() == null) {
                v.optionalText("metadata.billing_address.phone", billing.phone(), 64);
            }
        }

        private static void validateOnAccount(Violations v, String contractId, String paymentMethod) {
            if (paymentMethod != null && !OnAccount.INVOICE.equals(paymentMethod)) {
                v.add("payment_method", "must be invoice (an order on account under contract_id), or absent");
            }
            if (contractId != null && !UUID_TEXT.matcher(contractId).matches()) {
                v.add("contract_id", "must be a contract id (a UUID)");
            } else if (contractId == null && OnAccount.INVOICE.equals(paymentMethod)) {
                v.add("contract_id", "is required with payment_method invoice");
            } else if (contractId != null && paymentMethod == null) {
                v.add("payment_method", "must be invoice for an order under a contract");
            }
        }

        private static void email(Violations v, String field, String email) {
            if (!CustomerDetails.isEmailAddress(email)) {
                v.add(field, "must be an email address");
            }
        }

        static void validateItem(Violations v, String path, Item item, CurrencyCode currency) {
            if (item == null) {
                v.add(path, "must be an object");
                return;
            }
            v.requiredText(path + ".name", item.name(), 1000);
            v.optionalText(path + ".product_id", item.productId(), 255);
            v.optionalText(path + ".sku", item.sku(), 255);
            BigDecimal quantity = item.quantity();
            if (quantity == null) {
                v.add(path + ".quantity", "is required");
            } else if (quantity.stripTrailingZeros().scale() > 0) {
                v.add(path + ".quantity", "must be a whole number");
            } else if (quantity.signum() <= 0) {
                v.add(path + ".quantity", "must be greater than 0");
            } else if (quantity.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
                v.add(path + ".quantity", "must be at most " + MAX_QUANTITY);
            }
            v.amount(path + ".unit_price", item.unitPrice(), currency);
            v.amount(path + ".price", item.price(), currency);
            v.amount(path + ".subtotal", item.subtotal(), currency);
            v.amount(path + ".tax", item.tax(), currency);
            if (item.price() == null && item.unitPrice() == null) {
                v.add(path + ".price", "is required when unit_price is absent");
            } else if (item.price() == null
                    && quantity != null
                    && quantity.signum() > 0
                    && item.unitPrice().multiply(quantity).compareTo(Violations.AMOUNT_LIMIT) >= 0) {
                v.add(path + ".unit_price", "times quantity must be below " + Violations.AMOUNT_LIMIT.toPlainString());
            }
            BigDecimal taxRate = item.taxRate();
            if (taxRate != null) {
                if (taxRate.signum() < 0) {
                    v.add(path + ".tax_rate", "must not be negative");
                } else if (taxRate.compareTo(ONE) >= 0) {
                    v.add(path + ".tax_rate", "is a fraction (0.19 for 19 %), so it must be below 1");
                } else if (taxRate.stripTrailingZeros().scale() > 4) {
                    v.add(path + ".tax_rate", "has more than 4 fraction digits");
                }
            }
        }
    }

    @Transactional
    public OrderState place(Command command, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CurrencyCode currency = command.currencyCode();
        Totals totals = totals(
                currency,
                new BigDecimal[] {
                    command.subtotal(),
                    command.taxTotal(),
                    command.shippingTotal(),
                    command.discountTotal(),
                    command.grandTotal()
                },
                command.items());
        OnAccount onAccount = onAccount(command, totals.grandTotal());
        CustomerDetails details = command.customerDetails();
        Customer customer = details.isEmpty() ? null : customers.upsert(command.source(), details, now);
        Money zero = Money.zero(currency);
        OrderState initial = new OrderState(
                OrderId.next(),
                command.source(),
                command.sourceOrderId(),
                command.customerId(),
                customer,
                command.initialStatus().status(),
                1,
                currency,
                totals,
                zero,
                zero,
                items(currency, command.items()),
                List.of(),
                command.metadataJson(),
                now,
                now,
                onAccount);
        Order order = Order.place(initial, actor, command.initialStatus().reason());
        orders.insert(order);
        events.publish(order);
        return order.state();
    }

    /**
     * An order on account: its contract locked until the order commits, then admitted only when the contract
     * is the channel's, active, in the order's currency, every line with an agreed SKU is at the agreed unit
     * price, and its open receivables plus this order stay within the credit limit. Null for any other order.
     */
    private OnAccount onAccount(Command command, Money grandTotal) {
        ContractId id = command.contract();
        if (id == null) {
            return null;
        }
        Contract contract = lockContract.forOrder(id);
        contract.admit(
                command.source(),
                grandTotal,
                orders.openReceivables(id, grandTotal.currency()),
                command.items().stream()
                        .map(item ->
                                new Contract.OrderLine(item.sku(), item.quantity(), item.unitPrice(), item.price()))
                        .toList());
        return new OnAccount(id, contract.version(), Money.zero(grandTotal.currency()));
    }

    static List<OrderItem> items(CurrencyCode currency, List<Item> items) {
        List<OrderItem> result = new ArrayList<>(items.size());
        for (Item item : items) {
            Money unitPrice = money(item.unitPrice(), currency);
            int quantity = item.quantity().intValueExact();
            result.add(new OrderItem(
                    Ids.next(),
                    item.productId(),
                    item.sku(),
                    item.name(),
                    quantity,
                    unitPrice,
                    linePrice(item, currency),
                    money(item.subtotal(), currency),
                    money(item.tax(), currency),
                    item.taxRate() == null ? null : item.taxRate().stripTrailingZeros(),
                    item.metadataJson()));
        }
        return result;
    }

    /** The line total: as sent, else unit price times quantity. */
    private static Money linePrice(Item item, CurrencyCode currency) {
        return item.price() != null
                ? Money.of(item.price(), currency)
                : Money.of(item.unitPrice().multiply(item.quantity()), currency);
    }

    private static Money itemsTotal(CurrencyCode currency, List<Item> items) {
        Money total = Money.zero(currency);
        for (Item item : items) {
            total = total.plus(linePrice(item, currency));
        }
        return total;
    }

    /**
     * The order's amounts: those the channel sent, the rest computed — subtotal from the line totals, tax
     * from the items' tax, shipping and discount 0, and the grand total (authoritative when sent, since
     * shops round and tax in their own way) as subtotal + tax + shipping − discount. Null when that is
     * negative.
     */
    static Totals totals(CurrencyCode currency, BigDecimal[] sent, List<Item> items) {
        Money subtotal = sent[0] != null ? Money.of(sent[0], currency) : itemsTotal(currency, items);
        Money tax;
        if (sent[1] != null) {
            tax = Money.of(sent[1], currency);
        } else {
            tax = Money.zero(currency);
            for (Item item : items) {
                if (item.tax() != null) {
                    tax = tax.plus(Money.of(item.tax(), currency));
                }
            }
        }
        Money shipping = sent[2] != null ? Money.of(sent[2], currency) : Money.zero(currency);
        Money discount = sent[3] != null ? Money.of(sent[3], currency) : Money.zero(currency);
        Money grand = sent[4] != null
                ? Money.of(sent[4], currency)
                : subtotal.plus(tax).plus(shipping).minus(discount);
        return grand.isNegative() ? null : new Totals(subtotal, tax, shipping, discount, grand);
    }

    private static Money money(BigDecimal amount, CurrencyCode currency) {
        return amount == null ? null : Money.of(amount, currency);
    }
}
