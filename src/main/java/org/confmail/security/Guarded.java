package org.confmail.security;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service operation that only the named roles may run, whoever calls it: the API, a portal page or a forged
 * portal request alike (the boundaries check the roles too; this is the check that holds when one of them forgets).
 * With an {@link #action()}, every call is recorded in the audit trail with its outcome, refusals included. Calls
 * that do not come from an HTTP request (start-up, timers, background work) run as the system.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Guarded {

    /** The roles that may run the operation. */
    @Nonbinding
    String[] roles();

    /** The audit trail's name for the operation, such as {@code user.update}; empty for reads, which are not recorded. */
    @Nonbinding
    String action() default "";
}
