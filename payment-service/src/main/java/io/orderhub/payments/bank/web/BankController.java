package io.orderhub.payments.bank.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.payments.bank.AssignBankCredit;
import io.orderhub.payments.bank.BankCredit;
import io.orderhub.payments.bank.FindBankCredits;
import io.orderhub.payments.bank.ImportBankStatement;
import io.orderhub.payments.bank.StatementLine;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.web.RequestIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bank statements and the credits they bring, for admin keys (any other key gets 403): import a camt.053 or
 * camt.054, list the credits (the unmatched ones for an operator), assign one to an invoice.
 */
@RestController
class BankController {

    private final ImportBankStatement importStatement;
    private final AssignBankCredit assign;
    private final FindBankCredits credits;

    BankController(ImportBankStatement importStatement, AssignBankCredit assign, FindBankCredits credits) {
        this.importStatement = importStatement;
        this.assign = assign;
        this.credits = credits;
    }

    record AssignBody(String invoiceId) {}

    @Operation(summary = "Import a bank statement (camt.053 or camt.054)", description = """
                    An ISO 20022 bank-to-customer statement (camt.053.001.02 or .08) or debit/credit notification \
                    (camt.054.001.02 or .08) as `application/xml`, at most 1 MiB. Every booked credit is stored \
                    once per account and entry reference (AcctSvcrRef, else NtryRef, else a hash of the entry) and \
                    matched to an invoice: by an invoice number (`RE-2026-000017`) in the remittance information \
                    (Ustrd or a structured creditor reference), else by amount and payer (the buyer's company name, \
                    or an IBAN that paid the contract before; exactly one candidate). A match records a \
                    `bank_transfer` payment under the entry reference; within the discount period a credit of the \
                    outstanding amount less the discount settles the invoice with a credit note for the discount; \
                    more than is open is flagged `overpaid`. Debits and entries not booked are counted only. The \
                    same statement again (or a camt.054 and then the day's camt.053) changes nothing and answers \
                    the same counts, with `already_applied`. Not XML, another message or a DOCTYPE is 422; \
                    another content type 415. Admin keys only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "What became of every entry.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = BankExamples.STATEMENT_RESULT)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "422",
            description = "Not a camt.053 or camt.054 the hub reads; nothing is stored.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(value = BankExamples.UNREADABLE)))
    @RequiresAdmin
    @PostMapping(
            path = "/api/v1/bank-statements",
            consumes = {"application/xml", "text/xml"})
    ResponseEntity<?> importStatement(@RequestBody(required = false) String xml, ApiKey caller) {
        return ResponseEntity.ok(ApiResponse.of(BankJson.of(importStatement.importStatement(xml, caller.name()))));
    }

    @Operation(summary = "List bank credits", description = """
                    Oldest first, by `status` (`unmatched`, `matched`, `assigned`) or all; `limit` 1 to 200 \
                    (default 50), `next_cursor` for the next page. Admin keys only.""")
    @RequiresAdmin
    @GetMapping("/api/v1/bank-credits")
    ResponseEntity<?> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Cursor.Page<BankCredit> page = Cursor.Page.of(
                credits.list(
                        status(status), after == null ? null : after.at(), after == null ? null : after.id(), size + 1),
                size,
                credit -> new Cursor(credit.receivedAt(), credit.id()));
        return ResponseEntity.ok(
                ApiResponse.page(page.items().stream().map(BankJson::credit).toList(), page.next()));
    }

    @Operation(summary = "Read a bank credit")
    @RequiresAdmin
    @GetMapping("/api/v1/bank-credits/{id}")
    ResponseEntity<?> one(@PathVariable UUID id) {
        return ResponseEntity.ok(ApiResponse.of(BankJson.credit(credits.byId(id))));
    }

    @Operation(summary = "Assign an unmatched bank credit to an invoice", description = """
                    Pays the invoice with the credit as a match would (a `bank_transfer` payment, a discount within \
                    the discount period, `overpaid` when it pays more than is open); the credit becomes `assigned`. \
                    Again to the same invoice answers the same (`already_applied`); a credit paying another invoice \
                    is 409 naming it; an unknown invoice or one in another currency 422. Admin keys only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AssignBody.class),
                            examples = @ExampleObject(value = BankExamples.ASSIGN_REQUEST)))
    @RequiresAdmin
    @PostMapping("/api/v1/bank-credits/{id}/assign")
    ResponseEntity<?> assign(@PathVariable UUID id, @RequestBody(required = false) AssignBody body, ApiKey caller) {
        UUID invoiceId = RequestIds.uuid("invoice_id", body == null ? null : body.invoiceId());
        StatementLine line = assign.assign(id, invoiceId, caller.name());
        return ResponseEntity.ok(ApiResponse.of(BankJson.line(line)));
    }

    private static BankCredit.Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(BankCredit.Status.values())
                .filter(s -> s.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidRequest(
                        "status",
                        "must be one of "
                                + Arrays.stream(BankCredit.Status.values())
                                        .map(BankCredit.Status::wireName)
                                        .collect(Collectors.joining(", "))));
    }
}
