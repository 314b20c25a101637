package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.CallbackProperties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The links an invoice callback carries to the invoice's documents, through the edge's public address
 * ({@code HUB_PUBLIC_URL}). Without it the dispatcher cannot know where the hub is reachable from the channel,
 * so the links are null (said once at start-up) rather than an internal address.
 */
@Component
class InvoiceLinks {

    private static final Logger log = LoggerFactory.getLogger(InvoiceLinks.class);

    private final String base;

    InvoiceLinks(CallbackProperties properties) {
        this.base = properties.hubPublicUrl();
        if (base == null) {
            log.warn("HUB_PUBLIC_URL is not set: invoice callbacks carry document_url and xrechnung_url null");
        } else {
            log.info("Invoice callbacks link the documents under {}/api/v1/invoices/", base);
        }
    }

    /** The invoice's PDF/A-3 with its Factur-X XML, or null without {@code HUB_PUBLIC_URL}. */
    String document(UUID invoiceId) {
        return link(invoiceId, "document");
    }

    /** The invoice's XRechnung XML, or null without {@code HUB_PUBLIC_URL}. */
    String xrechnung(UUID invoiceId) {
        return link(invoiceId, "xrechnung");
    }

    private String link(UUID invoiceId, String form) {
        return base == null ? null : base + "/api/v1/invoices/" + invoiceId + "/" + form;
    }
}
