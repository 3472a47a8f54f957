package org.confmail.security;

import java.util.List;

/**
 * The roles an account holds. Every API operation and every service operation it reaches names the roles it
 * allows:
 * <ul>
 * <li>{@code admin}: everything, including accounts, tenant settings and bridges;</li>
 * <li>{@code operator}: reads, sends conference info, resets PINs and conference IDs, starts bulk sends, and changes
 * a user's display name, language, country, default numbers and static conference ID, but not their address,
 * license, provider or bridge, nor the tenant settings, bridges or accounts;</li>
 * <li>{@code auditor}: reads everything but accounts and secrets (a PIN is never readable anyway), and the audit
 * trail; changes nothing.</li>
 * </ul>
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";

    /** Every role, most powerful first. */
    public static final List<String> ALL = List.of(ADMIN, OPERATOR, AUDITOR);

    private Roles() {
    }
}
