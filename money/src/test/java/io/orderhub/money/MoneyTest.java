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
    void boundsAChannelsAmountBeforeAnyArithmetic() {
        CurrencyCode eur = CurrencyCode.of("EUR");
        assertThat(Money.problemWith(new BigDecimal("9999999999999.99"), eur)).isNull();
        assertThat(Money.problemWith(new BigDecimal("10000000000000"), eur)).isEqualTo("must be below 10000000000000");
        assertThat(Money.problemWith(new BigDecimal("9999999999999999.99"), eur))
                .startsWith("must be below");
        assertThat(Money.problemWith(new BigDecimal("1e999999999"), eur)).startsWith("must be below");
        assertThat(Money.problemWith(new BigDecimal("1e-999999999"), eur))
                .isEqualTo("has more than 2 fraction digits for EUR");
    }

    @Test
    void refusesAmountsBeyondWhatTheHubStoresWithoutExpandingThem() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), CurrencyCode.of("EUR")))
                .isInstanceOf(MoneyException.class)
                .hasMessageContaining("larger than the hub can store");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e-999999999"), CurrencyCode.of("EUR")))
                .isInstanceOf(MoneyException.class)
                .hasMessageStartingWith("1E-999999999 has more than 2 fraction digits");
        assertThat(Money.of("999999999999999.99", "EUR").amount()).isEqualByComparingTo("999999999999999.99");
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
