package io.orderhub.httpapi.apikey;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
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
 * (Spring Security's {@link AuthorityAuthorizationManager} over the key's scopes) or {@code @PermitAll}.
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

    private final Map<Method, Declaration> declarations = new ConcurrentHashMap<>();
    private final ApplicationContext context;

    public HandlerAuthorization(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Declaration declaration = declarations.computeIfAbsent(method.getMethod(), m -> declarationOf(method));
        Object key = request.getAttribute(ApiKeyFilter.ATTRIBUTE);
        AuthorizationResult result = declaration
                .manager()
                .authorize(() -> key instanceof ApiKey apiKey ? authentication(apiKey) : null, method);
        if (result != null && result.isGranted()) {
            return true;
        }
        throw declaration.refusal(key != null);
    }

    /** The application's handlers that declare no authorization: each is refused until it does. */
    public List<HandlerMethod> undeclaredHandlers() {
        return context
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
                .getHandlerMethods()
                .values()
                .stream()
                .filter(method -> requiredScope(method) == null && !isPublic(method))
                .toList();
    }

    private static Declaration declarationOf(HandlerMethod method) {
        Scope scope = requiredScope(method);
        if (scope != null) {
            return new Declaration(AuthorityAuthorizationManager.hasAuthority(scope.label()), scope);
        }
        if (isPublic(method)) {
            return new Declaration(SingleResultAuthorizationManager.permitAll(), null);
        }
        log.error("{} declares neither @RequiresScope nor @PermitAll: every call to it is refused", method);
        return new Declaration(SingleResultAuthorizationManager.denyAll(), null);
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
        return new PreAuthenticatedAuthenticationToken(
                key,
                null,
                key.scopes().stream()
                        .map(scope -> new SimpleGrantedAuthority(scope.label()))
                        .toList());
    }

    private record Declaration(AuthorizationManager<HandlerMethod> manager, Scope scope) {

        ApiException refusal(boolean authenticated) {
            if (scope == null) {
                return new ApiException(ProblemType.FORBIDDEN, "This operation is not open to any API key");
            }
            if (!authenticated) {
                return new ApiException(
                        ProblemType.MISSING_API_KEY, "Send your API key as Authorization: Bearer <key>");
            }
            return new ApiException(ProblemType.INSUFFICIENT_SCOPE, "This API key lacks the scope " + scope);
        }
    }
}
