package org.confmail.jitsi.boundary;


import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.confmail.jitsi.control.JitsiNumbers;

/** Jitsi Meet's {@code dialInNumbersUrl}: the numbers its invite dialog and dial-in page show. */
@Path("dial-in-numbers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DialInNumbersResource {

    @Inject
    JitsiNumbers numbers;

    @GET
    public Response list(@QueryParam("bridgeId") String bridgeId, @QueryParam("conference") String conference) {
        return Response.ok(JitsiJson.numbers(numbers.of(bridgeId == null || bridgeId.isEmpty() ? null : bridgeId)))
                .header("Cache-Control", "public, max-age=300").build();
    }
}
