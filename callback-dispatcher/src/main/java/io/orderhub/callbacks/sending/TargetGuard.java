package io.orderhub.callbacks.sending;

import io.orderhub.callbacks.CallbackProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard: callbacks go only to https URLs ({@code CALLBACK_REQUIRE_HTTPS}) and only to public
 * addresses ({@code CALLBACK_ALLOW_PRIVATE_NETWORKS}). Addresses are checked after DNS resolution, inside the
 * HTTP client's own resolver: the client connects to exactly the addresses checked here, so a name that
 * resolves to a public address for the check and to an internal one for the connection (DNS rebinding)
 * cannot slip through. Redirects are never followed and no proxy is used (a proxy would resolve the name
 * itself).
 */
@Component
public class TargetGuard implements Dns {

    private final boolean requireHttps;
    private final boolean allowPrivateNetworks;
    private final Dns resolver;

    @Autowired
    TargetGuard(CallbackProperties properties) {
        this(properties.requireHttps(), properties.allowPrivateNetworks(), Dns.SYSTEM);
    }

    TargetGuard(boolean requireHttps, boolean allowPrivateNetworks, Dns resolver) {
        this.requireHttps = requireHttps;
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    /**
     * Checks what can be checked before connecting: the scheme, and a host that is an IP literal (the client
     * does not resolve those, so they never reach {@link #lookup}).
     */
    public Optional<String> refusal(HttpUrl url) {
        if (requireHttps && !url.isHttps()) {
            return Optional.of(
                    "plain http is refused (CALLBACK_REQUIRE_HTTPS=true): " + url.scheme() + "://" + url.host());
        }
        if (!allowPrivateNetworks && isIpLiteral(url.host())) {
            try {
                return Optional.ofNullable(refusal(url.host(), InetAddress.getByName(url.host())));
            } catch (UnknownHostException e) {
                return Optional.of("not an IP address: " + url.host());
            }
        }
        return Optional.empty();
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.lookup(hostname);
        if (!allowPrivateNetworks) {
            for (InetAddress address : addresses) {
                String refusal = refusal(hostname, address);
                if (refusal != null) {
                    // One bad address refuses the name: connecting to "the others" would still let a rebinding
                    // attacker choose which one the client tries.
                    throw new RefusedTarget(refusal);
                }
            }
        }
        return addresses;
    }

    /** HttpUrl gives IPv6 hosts without brackets, and IPv4 ones in canonical dotted decimal. */
    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String refusal(String host, InetAddress address) {
        String why = AddressPolicy.refusal(address);
        return why == null
                ? null
                : host + " resolves to a " + why + " (" + address.getHostAddress()
                        + "); refused unless CALLBACK_ALLOW_PRIVATE_NETWORKS=true";
    }
}
