package io.orderhub.console.b2b.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceReferenceTest {

    @Test
    void readsAnInvoiceIdAsIs() {
        UUID id = UUID.fromString("0190a1b2-0000-7000-8000-000000000005");

        assertThat(InvoiceReference.parse(" " + id + " ")).isEqualTo(new InvoiceReference.Id(id));
    }

    @Test
    void readsAnInvoiceNumberInAnyCaseWithTheHyphensAsSpacesOrLeftOut() {
        for (String given : new String[] {"RE-2026-000017", "re 2026 000017", "RE2026000017", " Re-2026 000017 "}) {
            assertThat(InvoiceReference.parse(given))
                    .as(given)
                    .isEqualTo(new InvoiceReference.Number("RE-2026-000017"));
        }
    }

    @Test
    void refusesNothingACreditNoteNumberAndText() {
        for (String given : new String[] {null, "  ", "GS-2026-000001", "RE-26-17", "drop table invoices"}) {
            assertThat(InvoiceReference.parse(given))
                    .as(String.valueOf(given))
                    .isInstanceOf(InvoiceReference.Invalid.class);
        }
    }
}
