package io.orderhub.httpapi.apikey;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a handler needs from the calling API key, declared next to the handler. {@link HandlerAuthorization}
 * enforces it after handler mapping, so the decision follows the handler Spring MVC chose and never a
 * reading of the URI. A handler declares either this or {@code @PermitAll}; one that declares neither is
 * refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    Scope value();
}
