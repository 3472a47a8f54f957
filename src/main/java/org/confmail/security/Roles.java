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
 * <li>{@code provisioner}: an identity provider's account; SCIM provisioning ({@code /scim/v2}) only: creates,
 * changes and deactivates users and manages their groups (the license group assigns the license), and reaches
 * nothing else of the API, nor the portal.</li>
 * </ul>
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String PROVISIONER = "provisioner";

    /** Every role, most powerful first. */
    public static final List<String> ALL = List.of(ADMIN, OPERATOR, AUDITOR, PROVISIONER);

    /** The roles of people: the portal, the API and the endpoints beside it (a provisioner reaches none of them). */
    public static final List<String> PEOPLE = List.of(ADMIN, OPERATOR, AUDITOR);

    private Roles() {
    }
}
