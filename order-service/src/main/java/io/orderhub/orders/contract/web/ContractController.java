package io.orderhub.orders.contract.web;

import static io.orderhub.orders.web.Requests.badQuery;
import static io.orderhub.orders.web.Requests.caller;
import static io.orderhub.orders.web.Requests.wholeNumber;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.orders.contract.ChangeContract;
import io.orderhub.orders.contract.Contract;
import io.orderhub.orders.contract.ContractId;
import io.orderhub.orders.contract.ContractQuery;
import io.orderhub.orders.contract.ContractStatus;
import io.orderhub.orders.contract.CreateContract;
import io.orderhub.orders.contract.FindContracts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/contracts}: B2B framework contracts, for admin keys (docs/b2b.md). */
@RestController
@RequestMapping("/api/v1/contracts")
class ContractController {

    private final CreateContract createContract;
    private final ChangeContract changeContract;
    private final FindContracts findContracts;
    private final IdempotentResponses responses;

    ContractController(
            CreateContract createContract,
            ChangeContract changeContract,
            FindContracts findContracts,
            IdempotentResponses responses) {
        this.createContract = createContract;
        this.changeContract = changeContract;
        this.findContracts = findContracts;
        this.responses = responses;
    }

    @Operation(summary = "Create a contract", description = """
                    A channel's framework contract with a business customer: `channel`, `customer` (`company`, \
                    `vat_id` (optional, shape checked per EU country prefix), `email`, `address` with `line1`, \
                    `postal_code`, `city` and ISO 3166 alpha-2 `country`, optional `buyer_reference` such as a \
                    Leitweg-ID), `payment_terms` (`net_days` 0–365, optional `discount_percent` below 100 with \
                    `discount_days` up to `net_days`), `credit_limit` (`amount`, ISO 4217 `currency`) and \
                    optional `agreed_prices` (up to 1000 of `sku` and net `unit_price` in the limit's \
                    currency, each SKU once). The channel's orders with `contract_id` and \
                    `payment_method: "invoice"` are placed on account against it, each line with an agreed SKU \
                    at exactly its agreed `unit_price`. Every invalid field is named in one 422. Admin keys \
                    only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ContractRequest.class),
                            examples = @ExampleObject(name = "contract", value = ContractExamples.CREATE_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The contract at version 1, `active`, with its id in `data.id`.",
            headers =
                    @Header(
                            name = "Location",
                            description = "`/api/v1/contracts/{id}`",
                            schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(name = "created", value = ContractExamples.CREATED_RESPONSE)))
    @RequiresAdmin
    @PostMapping
    ResponseEntity<byte[]> create(@RequestBody ContractRequest request, ApiKey caller) {
        CreateContract.Command command = CreateContract.Command.of(
                request.channel(),
                request.customerInput(),
                request.termsInput(),
                request.limitInput(),
                request.priceInputs());
        return responses.commit(() -> {
            Contract contract = createContract.create(command, caller(caller));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .header("Location", "/api/v1/contracts/" + contract.id())
                    .body(ApiResponse.of(ContractResponse.of(contract)));
        });
    }

    @Operation(summary = "A contract at its current version")
    @RequiresAdmin
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable UUID id, ApiKey caller) {
        return ApiResponse.of(ContractResponse.of(findContracts.byId(new ContractId(id), caller(caller))));
    }

    @Operation(summary = "Change a contract", description = """
                    Any of `status` (`active`, `suspended`), `customer`, `payment_terms`, `credit_limit` and \
                    `agreed_prices`, each part replaced whole and checked as on create (`agreed_prices: []` \
                    removes the prices). The change is the contract's next `version`; \
                    orders placed before keep the version they were placed under, so it applies to new orders \
                    only. A suspended contract refuses orders on account. The channel and the credit limit's \
                    currency cannot change. Admin keys only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ContractRequest.class),
                            examples = @ExampleObject(name = "suspend", value = ContractExamples.CHANGE_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The contract at its new version.")
    @RequiresAdmin
    @PatchMapping("/{id}")
    ResponseEntity<byte[]> change(@PathVariable UUID id, @RequestBody ContractRequest request, ApiKey caller) {
        ChangeContract.Command command = ChangeContract.Command.of(
                new ContractId(id),
                request.channel(),
                request.status(),
                request.customerInput(),
                request.termsInput(),
                request.limitInput(),
                request.priceInputs());
        return responses.commit(() ->
                ResponseEntity.ok(ApiResponse.of(ContractResponse.of(changeContract.change(command, caller(caller))))));
    }

    /** Newest first, keyset-paged: {@code next_cursor} continues after the last contract of this page. */
    @Operation(summary = "Contracts, newest first, cursor-paged", description = """
                    Filters: `channel`, `status` (`active`, `suspended`); `limit` and `cursor` as for orders. \
                    Admin keys only.""")
    @RequiresAdmin
    @GetMapping
    Map<String, Object> list(
            @RequestParam(name = "channel", required = false) String channel,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor,
            ApiKey caller) {
        Cursor position = Cursor.decode(cursor);
        ContractQuery query = new ContractQuery(
                channel == null || channel.isBlank() ? null : channel,
                status(status),
                position == null ? null : new ContractQuery.Position(position.at(), position.id()),
                Cursor.limit(wholeNumber("limit", limit)));
        FindContracts.Page page = findContracts.page(query, caller(caller));
        return ApiResponse.page(
                page.contracts().stream().map(ContractResponse::of).toList(),
                page.next() == null
                        ? null
                        : new Cursor(page.next().createdAt(), page.next().id()).encode());
    }

    private static ContractStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return ContractStatus.fromApiName(value.strip())
                .orElseThrow(() -> badQuery("status", "must be one of active, suspended"));
    }
}
