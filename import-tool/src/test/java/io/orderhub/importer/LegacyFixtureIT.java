package io.orderhub.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture really has the old hub's defects the import must repair, written by the old hub's triggers. */
class LegacyFixtureIT {

    private static TestDatabase legacy;

    @BeforeAll
    static void load() {
        legacy = LegacyFixture.database();
    }

    @Test
    void statusChangesWithAReasonAreLoggedTwiceByTriggerAndService() throws SQLException {
        assertThat(count("select count(*) from (select order_id, old_status, new_status from order_status_history"
                        + " group by 1, 2, 3 having count(*) = 2 and bool_or(changed_by = 'trigger')) doubled"))
                .isEqualTo(5);
    }

    @Test
    void noOrderHasItsCreationRow() throws SQLException {
        assertThat(count("select count(*) from order_status_history where old_status is null"))
                .isZero();
        assertThat(count("select count(*) from orders")).isEqualTo(10);
    }

    @Test
    void totalsOfTwoOrdersAreNaNWithTheirItemsAtZero() throws SQLException {
        assertThat(count("select count(*) from orders where grand_total = 'NaN'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from order_items i join orders o on o.id = i.order_id"
                        + " where o.grand_total = 'NaN' and i.unit_price = 0"))
                .isEqualTo(2);
    }

    @Test
    void taxRatesAreStoredBothAsPercentageAndAsFraction() throws SQLException {
        assertThat(count("select count(*) from order_items where tax_rate >= 1"))
                .isEqualTo(1);
        assertThat(count("select count(*) from order_items where tax_rate > 0 and tax_rate < 1"))
                .isEqualTo(8);
    }

    @Test
    void paymentsSucceededWhileTheirOrderStayedPending() throws SQLException {
        assertThat(count("select count(*) from payments p join orders o on o.id = p.order_id"
                        + " where p.status = 'succeeded' and o.status = 'pending'"))
                .isEqualTo(2);
    }

    @Test
    void theOldSourceNameWooIsThere() throws SQLException {
        assertThat(count("select count(*) from orders where source = 'woo'")).isEqualTo(4);
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = LegacyFixture.connect(legacy);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
