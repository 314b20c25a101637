package io.orderhub.orders.order.web;

import static io.orderhub.orders.web.Requests.badQuery;
import static io.orderhub.orders.web.Requests.caller;
import static io.orderhub.orders.web.Requests.wholeNumber;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.request.ClientInstants;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.orders.customer.CustomerDetails;
import io.orderhub.orders.order.ChangeOrderStatus;
import io.orderhub.orders.order.FindOrders;
import io.orderhub.orders.order.OrderId;
import io.orderhub.orders.order.OrderPage;
import io.orderhub.orders.order.OrderQuery;
import io.orderhub.orders.order.OrderState;
import io.orderhub.orders.order.OrderStatus;
import io.orderhub.orders.order.PlaceOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/orders}: every answer in the contract's envelope, every error a problem. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final PlaceOrder placeOrder;
    private final ChangeOrderStatus changeOrderStatus;
    private final FindOrders findOrders;
    private final IdempotentResponses responses;

    OrderController(
            PlaceOrder placeOrder,
            ChangeOrderStatus changeOrderStatus,
            FindOrders findOrders,
            IdempotentResponses responses) {
        this.placeOrder = placeOrder;
        this.changeOrderStatus = changeOrderStatus;
        this.findOrders = findOrders;
        this.responses = responses;
    }

    /** 201 with the order; the plugin reads {@code data.id}. */
    @Operation(summary = "Create an order", description = """
                    Required: `source`, `source_order_id`, `currency`, at least one item with `name` and \
                    `quantity` > 0. An item carries `unit_price` and/or its line total `price`; `tax_rate` is a \
                    fraction. `grand_total`, when given, is the channel's amount due. `status` defaults to \
                    `pending`; an order the shop has moved on already is placed in that status with a history \
                    reason (`on-hold` → `pending`, `completed` → `delivered`, `failed` and `refunded` → \
                    `cancelled`, since the hub knows no payment of it); `paid` is 422. The same `(source, source_order_id)` again answers 409 naming the existing order, \
                    unless the same Idempotency-Key and body are replayed. `contract_id` with `payment_method` \
                    `invoice` places a B2B order on account: the contract must be the channel's, active and in the \
                    order's currency, and its open receivables plus this order within its credit limit, else 422 \
                    (`credit-limit-exceeded` names the limit and what is open).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreateOrderRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "woocommerce",
                                        summary = "What the WooCommerce plugin sends",
                                        value = OrderExamples.CREATE_REQUEST),
                                @ExampleObject(
                                        name = "on-account",
                                        summary = "A B2B order on account under a contract",
                                        value = OrderExamples.ON_ACCOUNT_REQUEST)
                            }))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The order, with the hub's id in `data.id`.",
            headers =
                    @Header(
                            name = "Location",
                            description = "`/api/v1/orders/{id}`",
                            schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "created", value = OrderExamples.CREATED_RESPONSE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = """
                    The order exists (`order-exists`, naming it in `existing_order_id`), or a request with the \
                    same Idempotency-Key is still in flight.""")
    @RequiresScope(Scope.ORDERS_WRITE)
    @PostMapping
    ResponseEntity<byte[]> create(@RequestBody CreateOrderRequest request, ApiKey caller) {
        if (request.source() != null && !request.source().isBlank()) {
            caller.requireOwnSource(request.source());
        }
        PlaceOrder.Command command = request.toCommand();
        return responses.commit(() -> {
            OrderState order = placeOrder.place(command, caller.name());
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", "/api/v1/orders/" + order.id())
                    .body(ApiResponse.of(OrderResponse.of(order)));
        });
    }

    @Operation(summary = "An order, with items, customer, totals and its payments")
    @RequiresScope(Scope.ORDERS_READ)
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable UUID id, ApiKey caller) {
        return ApiResponse.of(OrderResponse.of(findOrders.byId(new OrderId(id), caller(caller))));
    }

    @Operation(summary = "An order by the channel's own id")
    @RequiresScope(Scope.ORDERS_READ)
    @GetMapping("/by-source/{source}/{source_order_id}")
    Map<String, Object> bySource(
            @PathVariable String source, @PathVariable("source_order_id") String sourceOrderId, ApiKey caller) {
        return ApiResponse.of(OrderResponse.of(findOrders.bySource(source, sourceOrderId, caller(caller))));
    }

    /** Status history, oldest first. */
    @Operation(summary = "An order's status history, oldest first")
    @RequiresScope(Scope.ORDERS_READ)
    @GetMapping("/{id}/history")
    Map<String, Object> history(@PathVariable UUID id, ApiKey caller) {
        return ApiResponse.of(findOrders.history(new OrderId(id), caller(caller)).stream()
                .map(HistoryResponse::of)
                .toList());
    }

    /** 200 with the order; the same status again is a no-op (no new version, no history row). */
    @Operation(summary = "Change an order's status", description = """
                    Channels set `confirmed`, `processing`, `shipped`, `delivered` and `cancelled`; `paid` and \
                    `refunded` follow from payments (asking for them is 422). A transition the status table does \
                    not allow is 409 naming both statuses; the current status again is a 200 no-op.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = TransitionRequest.class),
                            examples = @ExampleObject(name = "shipped", value = OrderExamples.TRANSITION_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The order after the change.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "shipped", value = OrderExamples.TRANSITIONED_RESPONSE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = """
                    The transition is not allowed (`transition-forbidden`, with `current_status` and \
                    `requested_status`), or a request with the same Idempotency-Key is still in flight.""")
    @RequiresScope(Scope.ORDERS_WRITE)
    @PostMapping("/{id}/transitions")
    ResponseEntity<byte[]> transition(@PathVariable UUID id, @RequestBody TransitionRequest request, ApiKey caller) {
        ChangeOrderStatus.Command command =
                new ChangeOrderStatus.Command(new OrderId(id), request.status(), request.reason());
        return responses.commit(() ->
                ResponseEntity.ok(ApiResponse.of(OrderResponse.of(changeOrderStatus.change(command, caller(caller))))));
    }

    /**
     * Newest first, keyset-paged: {@code next_cursor} continues after the last order of this page.
     * {@code created_from} is inclusive and {@code created_to} exclusive for timestamps (RFC 3339); a
     * plain date means the whole day (UTC) for both. {@code customer_email} matches in any case.
     */
    @Operation(summary = "Orders, newest first, cursor-paged", description = """
                    Filters combine: `source`, `status`, `customer_email` (the customer's email address as the \
                    order named it, in any case, surrounding spaces ignored), `created_from` (inclusive) and \
                    `created_to` (exclusive) as RFC 3339 timestamps, or dates meaning whole days in UTC. \
                    `next_cursor` continues after the last order of the page.""")
    @RequiresScope(Scope.ORDERS_READ)
    @GetMapping
    Map<String, Object> list(
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "customer_email", required = false) String customerEmail,
            @RequestParam(name = "created_from", required = false) String createdFrom,
            @RequestParam(name = "created_to", required = false) String createdTo,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor,
            ApiKey caller) {
        Cursor position = Cursor.decode(cursor);
        OrderQuery query = new OrderQuery(
                source == null || source.isBlank() ? null : source,
                status(status),
                email(customerEmail),
                instant("created_from", createdFrom, false),
                instant("created_to", createdTo, true),
                position == null ? null : new OrderQuery.Position(position.at(), position.id()),
                Cursor.limit(wholeNumber("limit", limit)));
        OrderPage page = findOrders.page(query, caller(caller));
        return ApiResponse.page(
                page.orders().stream().map(OrderResponse::of).toList(),
                page.next() == null
                        ? null
                        : new Cursor(page.next().createdAt(), page.next().id()).encode());
    }

    private static OrderStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return OrderStatus.fromApiName(value)
                .orElseThrow(() -> badQuery(
                        "status",
                        "must be one of "
                                + Arrays.stream(OrderStatus.values())
                                        .map(OrderStatus::apiName)
                                        .collect(Collectors.joining(", "))));
    }

    private static String email(String value) {
        // A '+' in an unencoded query string arrives as a space, and an email address holds no spaces.
        String email = CustomerDetails.normalisedEmail(
                value == null ? null : value.strip().replace(' ', '+'));
        if (email != null && !CustomerDetails.isEmailAddress(email)) {
            throw badQuery("customer_email", "must be an email address");
        }
        return email;
    }

    /** An RFC 3339 timestamp, or a date: its start, or for an upper bound the start of the next day. */
    private static Instant instant(String field, String value, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // A '+' in an unencoded query string arrives as a space.
        String text = value.strip().replace(' ', '+');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                LocalDate day = LocalDate.parse(text);
                instant = (upperBound ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw badQuery(field, "must be an RFC 3339 timestamp (2025-01-31T12:00:00Z) or a date (2025-01-31)");
            } catch (DateTimeException pastTheLastDay) { // +999999999-12-31 has no next day
                throw badQuery(field, "must be " + ClientInstants.RANGE);
            }
        }
        if (!ClientInstants.inRange(instant)) {
            throw badQuery(field, "must be " + ClientInstants.RANGE);
        }
        return instant;
    }
}
