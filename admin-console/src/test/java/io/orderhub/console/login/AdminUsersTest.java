package io.orderhub.console.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;

class AdminUsersTest {

    @Test
    void readsEachFormWithItsRoleAndViewerByDefault() {
        AdminUsers users = AdminUsers.parse(" anna:pw1 , otto:sha256:" + "A".repeat(64) + ";role=operator,"
                + "bea:{bcrypt}$2a$10$" + "x".repeat(53) + ";role=viewer");

        assertThat(users.all())
                .extracting(
                        UserDetails::getUsername,
                        user -> user.getAuthorities().iterator().next().getAuthority())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anna", "ROLE_VIEWER"),
                        org.assertj.core.groups.Tuple.tuple("otto", "ROLE_OPERATOR"),
                        org.assertj.core.groups.Tuple.tuple("bea", "ROLE_VIEWER"));
    }

    @Test
    void holdsAPlainSecretOnlyAsItsHash() {
        UserDetails anna = AdminUsers.parse("anna:pw1").all().get(0);

        assertThat(anna.getPassword()).isEqualTo("{sha256}" + AdminUsers.sha256Hex("pw1"));
        assertThat(PasswordEncoders.delegating().matches("pw1", anna.getPassword()))
                .isTrue();
        assertThat(PasswordEncoders.delegating().matches("pw2", anna.getPassword()))
                .isFalse();
    }

    @Test
    void refusesAMalformedEntryWithoutEchoingItsSecret() {
        assertThatThrownBy(() -> AdminUsers.parse("anna:pw1,otto:secret-xyz;role=admin"))
                .hasMessage("ADMIN_USERS entry 2: role must be viewer or operator")
                .hasMessageNotContaining("secret-xyz");
        assertThatThrownBy(() -> AdminUsers.parse("otto:sha256:abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> AdminUsers.parse("nocolon")).hasMessageContaining("entry 1");
        assertThatThrownBy(() -> AdminUsers.parse("anna:a,anna:b")).hasMessageContaining("listed twice");
    }

    @Test
    void anEmptyListHasNoUsers() {
        assertThat(AdminUsers.parse("").isEmpty()).isTrue();
        assertThat(AdminUsers.parse(null).isEmpty()).isTrue();
    }
}
