package io.orderhub.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsAmountsAtTheCurrencysOwnScale() {
        assertThat(Money.of("44.7", "EUR").amount()).isEqualTo(new BigDecimal("44.70"));
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo(new BigDecimal("1200"));
        assertThat(Money.of("1.25", "KWD").amount()).isEqualTo(new BigDecimal("1.250"));
    }

    @Test
    void refusesMoreFractionDigitsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.of("12.505", "EUR"))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("2 fraction digits");
        assertThatThrownBy(() -> Money.of("100.5", "JPY"))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("0 fraction digits");
        assertThat(Money.problemWith(new BigDecimal("1.2340"), CurrencyCode.of("KWD")))
                .isNull();
        assertThat(Money.problemWith(new BigDecimal("-1"), CurrencyCode.of("EUR")))
                .isEqualTo("must not be negative");
    }

    @Test
    void convertsToAndFromMinorUnitsExactly() {
        assertThat(Money.of("47.49", "EUR").toMinorUnits()).isEqualTo(4749);
        assertThat(Money.of("1200", "JPY").toMinorUnits()).isEqualTo(1200);
        assertThat(Money.ofMinorUnits(1250, CurrencyCode.of("KWD"))).isEqualTo(Money.of("1.25", "KWD"));
    }

    @Test
    void acceptsOnlyUpperCaseIso4217CodesWithMinorUnits() {
        assertThat(CurrencyCode.parse("EUR")).isPresent();
        assertThat(CurrencyCode.parse("eur")).isEmpty();
        assertThat(CurrencyCode.parse("EURO")).isEmpty();
        assertThat(CurrencyCode.parse("ABC")).isEmpty();
        assertThat(CurrencyCode.parse("XAU")).isEmpty();
        assertThat(CurrencyCode.parse(null)).isEmpty();
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(MoneyException.class);
        assertThat(Money.of("1.10", "EUR").plus(Money.of("2.2", "EUR"))).isEqualTo(Money.of("3.30", "EUR"));
    }
}
