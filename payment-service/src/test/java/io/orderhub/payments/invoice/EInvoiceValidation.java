package io.orderhub.payments.invoice;

import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Mustang's validator, offline: XML schema, the EN 16931 schematron (and XRechnung's for an XRechnung), and for a
 * PDF also veraPDF's PDF/A check and the embedded XML. Its report is the XML it writes, naming each failed rule.
 */
public final class EInvoiceValidation {

    private EInvoiceValidation() {}

    /** The validator's verdict on a document, and its report. */
    public record Verdict(boolean valid, String report) {}

    /** {@code fileName}'s extension tells the validator a PDF from an XML. */
    public static Verdict validate(byte[] content, String fileName) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(content, fileName);
        return new Verdict(validator.wasCompletelyValid(), report);
    }
}
