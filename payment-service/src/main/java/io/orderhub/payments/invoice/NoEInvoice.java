package io.orderhub.payments.invoice;

/** An invoice an EN 16931 document cannot state as issued (a line without a tax rate, totals that disagree). */
public class NoEInvoice extends RuntimeException {

    NoEInvoice(String why) {
        super(why);
    }
}
