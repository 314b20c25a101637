package io.orderhub.httpapi.apikey;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler is for the {@code admin} channel's keys only (operations on the platform itself, such as
 * replaying dead-lettered events), whatever scopes another key holds. Beside {@link RequiresScope}, both are
 * needed: the scope is checked first (an operator's operation on a channel's resource, refused to a key without
 * the resource's scope as its other operations are). Enforced by {@link HandlerAuthorization}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresAdmin {}
