package org.confmail.security;

/**
 * The roles of DESIGN.md. Every API operation names the roles it allows; an account holds one or more of them.
 */
public final class Roles {

    /** Everything, including settings, bridges and accounts. */
    public static final String ADMIN = "admin";
    /** Read, send and reset. */
    public static final String OPERATOR = "operator";
    /** Read only. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
