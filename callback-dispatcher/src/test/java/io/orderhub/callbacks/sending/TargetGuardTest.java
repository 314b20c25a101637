package io.orderhub.callbacks.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private static final TargetGuard STRICT = new TargetGuard(true, false, Dns.SYSTEM);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "0.0.0.0",
                "100.64.0.1",
                "198.18.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fc00::1",
                "fd12:3456::1",
                "::ffff:10.0.0.1",
                "::ffff:127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "2002:c0a8:0101::1"
            })
    void refusesPrivateLoopbackAndLinkLocalAddresses(String address) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111"})
    void allowsPublicAddresses(String address) throws UnknownHostException {
        assertThat(AddressPolicy.refusal(InetAddress.getByName(address))).isNull();
    }

    @Test
    void refusesPlainHttpWhenHttpsIsRequired() {
        assertThat(STRICT.refusal(HttpUrl.get("http://shop.example.org/callback")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("plain http"));
        assertThat(new TargetGuard(false, false, Dns.SYSTEM).refusal(HttpUrl.get("http://shop.example.org/callback")))
                .isEmpty();
    }

    @Test
    void refusesAnIpLiteralOfAPrivateNetworkBeforeConnecting() {
        assertThat(STRICT.refusal(HttpUrl.get("https://10.0.0.7/callback")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("private address"));
        assertThat(STRICT.refusal(HttpUrl.get("https://[::1]/callback")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback"));
    }

    @Test
    void refusesANameThatResolvesToAnyPrivateAddress() throws UnknownHostException {
        InetAddress outside = InetAddress.getByName("93.184.216.34");
        InetAddress inside = InetAddress.getByName("10.0.0.7");
        TargetGuard guard = new TargetGuard(true, false, host -> List.of(outside, inside));

        assertThatThrownBy(() -> guard.lookup("rebinding.example.org"))
                .isInstanceOf(RefusedTarget.class)
                .hasMessageContaining("rebinding.example.org resolves to a private address (10.0.0.7)");
    }

    @Test
    void answersExactlyTheCheckedAddressesSoTheConnectionGoesThere() throws UnknownHostException {
        InetAddress outside = InetAddress.getByName("93.184.216.34");
        TargetGuard guard = new TargetGuard(true, false, host -> List.of(outside));

        assertThat(guard.lookup("shop.example.org")).containsExactly(outside);
    }

    @Test
    void allowsPrivateTargetsWhenConfigured() throws UnknownHostException {
        InetAddress inside = InetAddress.getByName("127.0.0.1");
        TargetGuard guard = new TargetGuard(false, true, host -> List.of(inside));

        assertThat(guard.lookup("localhost")).containsExactly(inside);
        assertThat(guard.refusal(HttpUrl.get("http://127.0.0.1:8080/callback"))).isEmpty();
    }
}
