package org.confmail.audit.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.platform.problem.ProblemException;
import org.confmail.security.Guarded;
import org.confmail.security.control.Caller;

/**
 * Enforces {@link Guarded}: refuses (403) a caller without one of the roles, and records audited operations with
 * their outcome. Runs inside the operation's transaction (after the transactional interceptor), so a success is
 * recorded with the change it made.
 */
@Guarded(roles = {})
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class GuardedInterceptor {

    @Inject
    Caller caller;

    @Inject
    AuditTrail trail;

    @AroundInvoke
    public Object guard(InvocationContext context) throws Exception {
        Guarded guarded = context.getMethod().getAnnotation(Guarded.class);
        if (guarded == null) {
            guarded = context.getMethod().getDeclaringClass().getAnnotation(Guarded.class);
        }
        boolean record = !guarded.action().isEmpty() && !trail.inCall();
        AuditTrail.Call call = record ? trail.begin(guarded.action(), firstText(context.getParameters())) : null;
        try {
            if (!caller.hasAnyRole(guarded.roles())) {
                throw new ProblemException(403, "Forbidden", "Your account's roles (" + caller.rolesText()
                        + ") do not allow this operation" + (record ? " (" + guarded.action() + ")" : "")
                        + "; it needs one of: " + String.join(", ", guarded.roles()) + ".", List.of());
            }
            Object result = context.proceed();
            if (record) {
                trail.succeeded(call);
            }
            return result;
        } catch (ProblemException e) {
            if (record) {
                trail.ended(call, AuditOutcome.ofStatus(e.getResponse().getStatus()), e.detail());
            }
            throw e;
        } catch (RuntimeException e) {
            if (record) {
                trail.ended(call, AuditOutcome.FAILED, e.getClass().getSimpleName());
            }
            throw e;
        } finally {
            if (record) {
                trail.end();
            }
        }
    }

    private static String firstText(Object[] parameters) {
        for (Object parameter : parameters) {
            if (parameter instanceof String text) {
                return text;
            }
        }
        return null;
    }
}
