package io.orderhub.payments.invoice.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.payments.invoice.FindInvoices;
import io.orderhub.payments.invoice.Invoice;
import io.orderhub.payments.invoice.IssueCreditNote;
import io.orderhub.payments.invoice.IssueInvoice;
import io.orderhub.payments.invoice.RenderEInvoice;
import io.orderhub.payments.invoice.RunDunning;
import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.payment.web.RequestIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices of orders on account, for admin keys (any other key gets 403, as for reconciliation runs): issue one,
 * read one and its e-invoices (Factur-X PDF, XRechnung XML), list them newest first, take part of one back with a
 * credit note, run the dunning now. Writes answer through
 * {@link IdempotentResponses}, so an Idempotency-Key's stored answer commits with the invoice.
 */
@RestController
class InvoiceController {

    /** An invoice's number as issued: series RE, year, six digits. */
    private static final Pattern INVOICE_NUMBER = Pattern.compile("RE-\\d{4}-\\d{6}");

    private final IssueInvoice issueInvoice;
    private final IssueCreditNote issueCreditNote;
    private final FindInvoices invoices;
    private final RenderEInvoice renderEInvoice;
    private final RunDunning runDunning;
    private final IdempotentResponses responses;

    InvoiceController(
            IssueInvoice issueInvoice,
            IssueCreditNote issueCreditNote,
            FindInvoices invoices,
            RenderEInvoice renderEInvoice,
            RunDunning runDunning,
            IdempotentResponses responses) {
        this.issueInvoice = issueInvoice;
        this.issueCreditNote = issueCreditNote;
        this.invoices = invoices;
        this.renderEInvoice = renderEInvoice;
        this.runDunning = runDunning;
        this.responses = responses;
    }

    record IssueBody(String orderId) {}

    record CreditNoteBody(BigDecimal amount, String reason) {}

    @Operation(summary = "Issue an order's invoice", description = """
                    For an order on account (placed with `contract_id` and `payment_method: invoice`): the \
                    invoice with the next number of the year's `RE` series (`RE-2026-000001`, gap-free), the \
                    order's `grand_total` as `total`, the buyer, payment terms and lines of the order's contract \
                    version, `due_date` = the day of issue (Europe/Berlin) + `net_days`, and with an early-payment \
                    discount `discount_date` (+ `discount_days`) and `discount_amount` (the percentage of the \
                    total). An order on account is invoiced on its own when it is confirmed; a second invoice of \
                    an order is 409 naming the first (`invoice_id`, `number`). Another order, or a cancelled one, \
                    is 422; an order the hub has not seen yet 503 with `Retry-After`. Takes `Idempotency-Key`. \
                    Admin keys only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = IssueBody.class),
                            examples = @ExampleObject(value = InvoiceExamples.ISSUE_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The invoice.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = InvoiceExamples.INVOICE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "The order already has an invoice, named in the problem.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(value = InvoiceExamples.ALREADY_INVOICED)))
    @RequiresAdmin
    @PostMapping("/api/v1/invoices")
    ResponseEntity<?> issue(@RequestBody(required = false) IssueBody body, ApiKey caller) {
        UUID orderId = orderId(body == null ? null : body.orderId());
        issueInvoice.awaitOrder(orderId);
        return responses.commit(() -> created(issueInvoice.issue(orderId, caller.name())));
    }

    @Operation(summary = "Credit part or all of an invoice", description = """
                    A credit note in the year's `GS` series: `amount` above 0 and at most what is not yet \
                    credited (else 422), `reason` required (at most 500 characters). Answers the invoice with its \
                    `credit_notes`; credit notes covering the total make it `credited`. Takes `Idempotency-Key`. \
                    Admin keys only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreditNoteBody.class),
                            examples = @ExampleObject(value = InvoiceExamples.CREDIT_NOTE_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The invoice with its new credit note.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = InvoiceExamples.INVOICE)))
    @RequiresAdmin
    @PostMapping("/api/v1/invoices/{id}/credit-notes")
    ResponseEntity<?> creditNote(
            @PathVariable UUID id, @RequestBody(required = false) CreditNoteBody body, ApiKey caller) {
        IssueCreditNote.Request request =
                new IssueCreditNote.Request(body == null ? null : body.amount(), body == null ? null : body.reason());
        return responses.commit(() -> created(issueCreditNote.issue(id, request, caller.name())));
    }

    @Operation(summary = "Run the dunning now", description = """
                    What the daily run (`DUNNING_RUN_AT`, Europe/Berlin) does, at once: every invoice overdue today \
                    (not covered by credit notes and payments) whose next level of `DUNNING_SCHEDULE` is reached \
                    gets that reminder — one level per invoice and day, each reminder once however many runs \
                    there are — published as an `InvoiceEvent` `REMINDER_ISSUED` with this key's name as actor. \
                    Answers what it did: the invoices it looked at and the reminders it issued per level. Running \
                    it again the same day issues nothing new. Admin keys only.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "What the run did.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = InvoiceExamples.DUNNING_RUN)))
    @RequiresAdmin
    @PostMapping("/api/v1/invoices/dunning-runs")
    ResponseEntity<?> dunningRun(ApiKey caller) {
        return ResponseEntity.ok(ApiResponse.of(InvoiceJson.of(runDunning.run(caller.name()))));
    }

    @Operation(summary = "Read an invoice", description = """
                    The invoice as issued, its `credit_notes`, and `status` derived now: `credited` when credit \
                    notes cover the total, `paid` when the order's paid amount covers the rest, `overdue` past \
                    `due_date`, `partially_paid`, else `open`. Its payment reminders: `reminders`, \
                    `dunning_level` (the last reminder's level, 0 for none) and `fees_due` (the reminders' fees, \
                    owed besides `outstanding`, which they do not change). Scope `payments:read`: an admin key, or \
                    the key of the channel that owns the order (another channel's invoice is 404, as an unknown \
                    one).""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The invoice.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = InvoiceExamples.INVOICE)))
    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/invoices/{id}")
    ResponseEntity<?> one(@PathVariable UUID id, ApiKey caller) {
        return ResponseEntity.ok(
                ApiResponse.of(InvoiceJson.of(invoices.byId(id, Callers.of(caller)), invoices.today())));
    }

    @Operation(summary = "An invoice's Factur-X/ZUGFeRD PDF", description = """
                    A PDF/A-3 rendering of the invoice as issued with its Factur-X/ZUGFeRD XML (profile EN 16931, \
                    CII syntax) embedded as `factur-x.xml`, made with the Mustang project's library: seller from \
                    `INVOICE_SELLER_*`, buyer, lines, due date, early-payment discount, the invoice number as \
                    payment reference and the contract's buyer reference (Leitweg-ID) as BT-10. Credit notes are \
                    not part of it. 404 for an unknown invoice; 503 `seller-not-configured` naming the missing \
                    settings; 409 `no-e-invoice` for an invoice EN 16931 cannot state as issued (a line without a \
                    tax rate, shipping or a discount over lines of several rates). Scope `payments:read`: an admin key, \
                    or the key of the channel that owns the order (another channel's invoice is 404).""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The PDF/A-3 with the XML attached.",
            content = @Content(mediaType = "application/pdf"))
    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/invoices/{id}/document")
    ResponseEntity<byte[]> document(@PathVariable UUID id, ApiKey caller) {
        return file(renderEInvoice.facturX(id, Callers.of(caller)), MediaType.APPLICATION_PDF);
    }

    @Operation(summary = "An invoice's XRechnung XML", description = """
                    The invoice as issued as an XRechnung (CII syntax, EN 16931 with the German CIUS): the same \
                    content as the PDF's XML, with the contract's `buyer_reference` (Leitweg-ID) as BT-10 — the \
                    order id when the contract has none. Same refusals and keys as the PDF.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The XRechnung XML.",
            content = @Content(mediaType = "application/xml"))
    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/invoices/{id}/xrechnung")
    ResponseEntity<byte[]> xrechnung(@PathVariable UUID id, ApiKey caller) {
        return file(renderEInvoice.xrechnung(id, Callers.of(caller)), MediaType.APPLICATION_XML);
    }

    @Operation(summary = "List invoices", description = """
                    Newest first, by `order_id` and/or `contract_id` or all; `limit` 1 to 200 (default 50), \
                    `next_cursor` for the next page. `number` (`RE-2026-000017`) finds the one invoice of that \
                    number, within the other filters; a malformed number is 400. Scope `payments:read`: a channel's key \
                    lists its own channel's invoices only.""")
    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/invoices")
    ResponseEntity<?> list(
            ApiKey key,
            @RequestParam(name = "order_id", required = false) UUID orderId,
            @RequestParam(name = "contract_id", required = false) UUID contractId,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Caller caller = Callers.of(key);
        if (number != null) {
            if (!INVOICE_NUMBER.matcher(number).matches()) {
                throw ApiException.validation("number", "must be an invoice number such as RE-2026-000017");
            }
            return ResponseEntity.ok(ApiResponse.page(
                    invoices
                            .byNumber(number, caller)
                            .filter(invoice ->
                                    orderId == null || invoice.orderId().equals(orderId))
                            .filter(invoice ->
                                    contractId == null || invoice.contractId().equals(contractId))
                            .map(invoice -> InvoiceJson.of(invoice, invoices.today()))
                            .stream()
                            .toList(),
                    null));
        }
        int size = Cursor.limit(limit);
        Cursor before = Cursor.decode(cursor);
        Cursor.Page<Invoice> page = Cursor.Page.of(
                invoices.list(
                        caller,
                        orderId,
                        contractId,
                        before == null ? null : before.at(),
                        before == null ? null : before.id(),
                        size + 1),
                size,
                invoice -> new Cursor(invoice.issuedAt(), invoice.id()));
        return ResponseEntity.ok(ApiResponse.page(
                page.items().stream()
                        .map(i -> InvoiceJson.of(i, invoices.today()))
                        .toList(),
                page.next()));
    }

    @Operation(summary = "Receivables aging of a contract", description = """
                    What the contract's invoices leave open today (Europe/Berlin), per currency, by days past the \
                    due date: `current` (not yet due), `days_1_30`, `days_31_60`, `days_61_90`, `over_90`, and \
                    `total`. Paid and credited invoices count nothing; what is paid is what order-service counts \
                    from the order's events. Admin keys only.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The contract's open amounts by age.",
            content =
                    @Content(mediaType = "application/json", examples = @ExampleObject(value = InvoiceExamples.AGING)))
    @RequiresAdmin
    @GetMapping("/api/v1/receivables/aging")
    ResponseEntity<?> aging(@RequestParam(name = "contract_id", required = false) String contractId) {
        return ResponseEntity.ok(
                ApiResponse.of(InvoiceJson.of(invoices.aging(RequestIds.uuid("contract_id", contractId)))));
    }

    private static ResponseEntity<byte[]> file(RenderEInvoice.Document document, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(document.fileName())
                                .build()
                                .toString())
                .body(document.content());
    }

    private ResponseEntity<?> created(Invoice invoice) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/invoices/" + invoice.id())
                .body(ApiResponse.of(InvoiceJson.of(invoice, invoices.today())));
    }

    private static UUID orderId(String text) {
        return RequestIds.uuid("order_id", text);
    }
}
