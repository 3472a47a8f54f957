package org.confmail.jitsi.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.jitsi.control.JitsiRefusal;

/**
 * Every failure under {@code /jitsi} as Jitsi Meet expects one: a JSON {@code {"message"}} and no {@code id} (the
 * client reads the body of a failed answer as JSON, and shows no dial-in), with a 4xx status for what the caller can
 * fix: IVR scripts written for Jitsi's API retry a 5xx answer, not a 4xx one.
 */
@Provider
public class JitsiErrors implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(JitsiErrors.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof JitsiRefusal refusal) {
            return answer(refusal.status(), refusal.getMessage()).build();
        }
        if (e instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            Response original = wae.getResponse();
            Response.ResponseBuilder builder = answer(original.getStatus(), switch (original.getStatus()) {
                case 404 -> "There is nothing at this address; Jitsi Meet's calls are /jitsi/dial-in-numbers and"
                        + " /jitsi/conference-mapper.";
                case 405 -> "Only GET is answered here.";
                default -> original.getStatusInfo().getReasonPhrase();
            });
            String allow = original.getHeaderString("Allow");
            if (allow != null) {
                builder.header("Allow", allow);
            }
            return builder.build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Jitsi request failed; reference " + reference, e);
        return answer(500, "Something went wrong on the server; its log has the details under reference "
                + reference + ".").build();
    }

    private static Response.ResponseBuilder answer(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(JitsiJson.message(message));
    }
}
