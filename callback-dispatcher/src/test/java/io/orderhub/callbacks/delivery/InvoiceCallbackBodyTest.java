package io.orderhub.callbacks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.callbacks.InvoiceEvents;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.schemas.EventMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InvoiceCallbackBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withoutAPublicUrlTheLinksAreNullAndWithoutADiscountSoAreItsFields() {
        InvoiceEvent event = InvoiceEvents.anInvoice(UUID.randomUUID(), "b2b", "RE-2026-000301")
                .issued(Instant.parse("2026-03-02T09:30:00Z"));
        event.setDiscountDate(null);
        event.setDiscountAmount(null);

        JsonNode body = JSON.readTree(InvoiceCallbackBody.render(event, null, null));

        assertThat(body.path("document_url").isNull()).isTrue();
        assertThat(body.path("xrechnung_url").isNull()).isTrue();
        assertThat(body.path("discount_date").isNull()).isTrue();
        assertThat(body.path("discount_amount").isNull()).isTrue();
        assertThat(body.path("timestamp").asString()).isEqualTo("2026-03-02T09:30:00.000Z");
    }

    @Test
    void writesAmountsWithTheCurrencysFractionDigits() {
        InvoiceEvent event = InvoiceEvents.anInvoice(UUID.randomUUID(), "b2b", "RE-2026-000302")
                .reminder(UUID.randomUUID(), 2, "1200", "500");
        event.setCurrency("JPY");
        event.setTotal(EventMoney.of(new BigDecimal("1200")));
        event.setDiscountAmount(EventMoney.of(new BigDecimal("24")));

        JsonNode body = JSON.readTree(InvoiceCallbackBody.render(event, null, null));

        assertThat(body.path("type").asString()).isEqualTo("invoice.reminder_issued");
        assertThat(body.path("total").toString()).isEqualTo("1200");
        assertThat(body.path("discount_amount").toString()).isEqualTo("24");
        assertThat(body.path("reminder").path("outstanding").toString()).isEqualTo("1200");
        assertThat(body.path("reminder").path("fee").toString()).isEqualTo("500");
        assertThat(body.path("reminder").path("level").asInt()).isEqualTo(2);
    }
}
