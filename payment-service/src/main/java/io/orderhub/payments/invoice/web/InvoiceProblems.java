package io.orderhub.payments.invoice.web;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.Problem;
import io.orderhub.httpapi.problem.ProblemType;
import io.orderhub.payments.invoice.AlreadyInvoiced;
import io.orderhub.payments.invoice.InvoiceNotFound;
import io.orderhub.payments.invoice.NoEInvoice;
import io.orderhub.payments.invoice.SellerNotConfigured;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unknown invoice is 404, a second invoice of an order 409 naming the first; invalid requests are the payment
 * API's 422 and an order not seen yet its 503 with {@code Retry-After}. E-invoices without the seller's settings are
 * 503 naming the missing variables, and an invoice EN 16931 cannot state as issued is 409 saying why.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvoiceProblems {

    static final ProblemType SELLER_NOT_CONFIGURED =
            new ProblemType("seller-not-configured", 503, "The seller of e-invoices is not configured");
    static final ProblemType NO_E_INVOICE =
            new ProblemType("no-e-invoice", 409, "The invoice cannot be stated as an EN 16931 e-invoice");

    @ExceptionHandler(InvoiceNotFound.class)
    ResponseEntity<Map<String, Object>> notFound(InvoiceNotFound e, HttpServletRequest request) {
        return Problem.response(ApiException.notFound(e.getMessage()), request);
    }

    @ExceptionHandler(SellerNotConfigured.class)
    ResponseEntity<Map<String, Object>> sellerNotConfigured(SellerNotConfigured e, HttpServletRequest request) {
        return Problem.response(new ApiException(SELLER_NOT_CONFIGURED, e.getMessage()), request);
    }

    @ExceptionHandler(NoEInvoice.class)
    ResponseEntity<Map<String, Object>> noEInvoice(NoEInvoice e, HttpServletRequest request) {
        return Problem.response(new ApiException(NO_E_INVOICE, e.getMessage()), request);
    }

    @ExceptionHandler(AlreadyInvoiced.class)
    ResponseEntity<Map<String, Object>> alreadyInvoiced(AlreadyInvoiced e, HttpServletRequest request) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("invoice_id", e.invoiceId());
        properties.put("number", e.number());
        return Problem.response(new ApiException(ProblemType.CONFLICT, e.getMessage(), List.of(), properties), request);
    }
}
