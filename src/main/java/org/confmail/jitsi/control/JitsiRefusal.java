package org.confmail.jitsi.control;

/**
 * A Jitsi request that cannot be answered as asked: a missing or malformed parameter (400), an unknown bridge or a
 * feature that is not configured (404). The boundary answers it in Jitsi's format, {@code {"message": ...}}.
 */
public class JitsiRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public JitsiRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public static JitsiRefusal badRequest(String message) {
        return new JitsiRefusal(400, message);
    }

    public static JitsiRefusal notFound(String message) {
        return new JitsiRefusal(404, message);
    }

    public int status() {
        return status;
    }
}
