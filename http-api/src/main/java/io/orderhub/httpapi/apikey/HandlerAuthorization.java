package io.orderhub.httpapi.apikey;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call a handler, decided after handler mapping from what the handler declares: {@link RequiresScope}
 * (Spring Security's {@link AuthorityAuthorizationManager} over the key's scopes), {@link RequiresAdmin} or
 * {@code @PermitAll}.
 * Deny by default: an application handler that declares nothing is refused with 403, and
 * {@link #undeclaredHandlers} lets each service's tests list such handlers. Handlers of libraries (the OpenAPI
 * description under {@code org.springdoc}) are public.
 *
 * <p>The {@link ApiKeyFilter} has authenticated the key by then; a handler that needs a scope and finds
 * no key answers 401.
 */
public class HandlerAuthorization implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(HandlerAuthorization.class);

    private static final String APPLICATION_PACKAGE = "io.orderhub.";

    /** The authority of the {@code admin} channel's keys, beside their scopes. */
    private static final String ADMIN = "admin";

    private final Map<Method, List<Declaration>> declarations = new ConcurrentHashMap<>();
    private final ApplicationContext context;

    public HandlerAuthorization(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Object key = request.getAttribute(ApiKeyFilter.ATTRIBUTE);
        for (Declaration declaration : declarations.computeIfAbsent(method.getMethod(), m -> declarationsOf(method))) {
            AuthorizationResult result = declaration
                    .manager()
                    .authorize(() -> key instanceof ApiKey apiKey ? authentication(apiKey) : null, method);
            if (result == null || !result.isGranted()) {
                throw declaration.refusal(key != null);
            }
        }
        return true;
    }

    /** The application's handlers that declare no authorization: each is refused until it does. */
    public List<HandlerMethod> undeclaredHandlers() {
        return context
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .values()
                .stream()
                .filter(method -> requiredScope(method) == null
                        && !method.hasMethodAnnotation(RequiresAdmin.class)
                        && !isPublic(method))
                .toList();
    }

    /**
     * What a caller must pass, in order. Both a scope and {@link RequiresAdmin}: an operator's operation on a
     * channel's resource (the payments that are stuck, figures) — the scope first, so a key without it is told
     * so as for the resource's other operations, then the admin key.
     */
    private static List<Declaration> declarationsOf(HandlerMethod method) {
        Scope scope = requiredScope(method);
        boolean adminOnly = method.hasMethodAnnotation(RequiresAdmin.class);
        List<Declaration> declarations = new ArrayList<>();
        if (scope != null) {
            declarations.add(new Declaration(
                    AuthorityAuthorizationManager.hasAuthority(scope.label()),
                    new ApiException(ProblemType.INSUFFICIENT_SCOPE, "This API key lacks the scope " + scope)));
        }
        if (adminOnly) {
            declarations.add(new Declaration(
                    AuthorityAuthorizationManager.hasAuthority(ADMIN),
                    new ApiException(ProblemType.FORBIDDEN, "Only the admin key may do this")));
        }
        if (!declarations.isEmpty()) {
            return List.copyOf(declarations);
        }
        if (isPublic(method)) {
            return List.of(new Declaration(SingleResultAuthorizationManager.permitAll(), null));
        }
        log.error("{} declares none of @RequiresScope, @RequiresAdmin, @PermitAll: every call is refused", method);
        return List.of(new Declaration(
                SingleResultAuthorizationManager.denyAll(),
                new ApiException(ProblemType.FORBIDDEN, "This operation is not open to any API key")));
    }

    private static Scope requiredScope(HandlerMethod method) {
        RequiresScope declared = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresScope.class);
        return declared == null ? null : declared.value();
    }

    private static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PermitAll.class)
                || !method.getBeanType().getName().startsWith(APPLICATION_PACKAGE);
    }

    private static Authentication authentication(ApiKey key) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        key.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.label())));
        if (key.isAdmin()) {
            authorities.add(new SimpleGrantedAuthority(ADMIN));
        }
        return new PreAuthenticatedAuthenticationToken(key, null, authorities);
    }

    /** How a handler is authorized, and what a caller it refuses is told (a missing key: 401). */
    private record Declaration(AuthorizationManager<HandlerMethod> manager, ApiException refusal) {

        ApiException refusal(boolean authenticated) {
            if (!authenticated && refusal.problemType() != ProblemType.FORBIDDEN) {
                return new ApiException(
                        ProblemType.MISSING_API_KEY, "Send your API key as Authorization: Bearer <key>");
            }
            return refusal;
        }
    }
}
