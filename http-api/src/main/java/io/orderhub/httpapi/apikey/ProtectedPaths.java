package io.orderhub.httpapi.apikey;

import java.util.List;
import org.springframework.util.AntPathMatcher;

/** {@code /api/v1/**} needs a key, except the public paths (health, webhooks: they carry signatures). */
public final class ProtectedPaths {

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<String> publicPaths;

    public ProtectedPaths(List<String> publicPaths) {
        this.publicPaths = List.copyOf(publicPaths);
    }

    public boolean isProtected(String path) {
        return matcher.match("/api/v1/**", path) && publicPaths.stream().noneMatch(p -> matcher.match(p, path));
    }
}
