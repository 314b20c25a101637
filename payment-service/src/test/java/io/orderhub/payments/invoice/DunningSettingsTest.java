package io.orderhub.payments.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A dunning setting that cannot be read stops the start, the message naming the variable. */
class DunningSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DunningSettings.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "orderhub.dunning.schedule=${DUNNING_SCHEDULE:14d,28d:5.00,42d:10.00}",
                    "orderhub.dunning.grace=${DUNNING_GRACE:10d}",
                    "orderhub.dunning.run-at=${DUNNING_RUN_AT:06:00}");

    @Test
    void startsWithTheDefaults() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            DunningSettings settings = started.getBean(DunningSettings.class);
            assertThat(settings.levels().levels()).hasSize(3);
            assertThat(settings.graceDays()).isEqualTo(10);
            assertThat(settings.dailyAt())
                    .hasValueSatisfying(at -> assertThat(at.getHour()).isEqualTo(6));
        });
    }

    @Test
    void doesNotStartWithAScheduleItCannotRead() {
        context.withPropertyValues("DUNNING_SCHEDULE=28d,14d:5.00").run(failed -> {
            assertThat(failed).hasFailed();
            assertThat(failed.getStartupFailure())
                    .rootCause()
                    .hasMessageStartingWith("DUNNING_SCHEDULE: '14d:5.00' must be more days");
        });
        context.withPropertyValues("DUNNING_GRACE=0d")
                .run(failed ->
                        assertThat(failed.getStartupFailure()).rootCause().hasMessageStartingWith("DUNNING_GRACE: "));
        context.withPropertyValues("DUNNING_RUN_AT=6 am")
                .run(failed ->
                        assertThat(failed.getStartupFailure()).rootCause().hasMessageStartingWith("DUNNING_RUN_AT: "));
    }
}
