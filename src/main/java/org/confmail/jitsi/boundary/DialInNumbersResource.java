package org.confmail.jitsi.boundary;

import static org.confmail.platform.ApiExamples.JITSI_BAD_BRIDGE_ID;
import static org.confmail.platform.ApiExamples.JITSI_BRIDGE_NOT_FOUND;
import static org.confmail.platform.ApiExamples.JITSI_DIAL_IN_NUMBERS;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.confmail.jitsi.control.JitsiNumbers;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jitsi Meet's {@code dialInNumbersUrl}: the numbers its invite dialog and dial-in page show. */
@Path("dial-in-numbers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jitsi Meet", description = "Public calls for Jitsi Meet's config.js (dialInNumbersUrl,"
        + " dialInConfCodeUrl) and for the dial-in side of Jigasi; no authentication, errors as {\"message\"}")
public class DialInNumbersResource {

    @Inject
    JitsiNumbers numbers;

    @GET
    @SecurityRequirementsSet
    @Operation(operationId = "jitsiDialInNumbers", summary = "The bridge's dial-in numbers in Jitsi Meet's format,"
            + " the default toll number first and marked default")
    @Parameter(name = "bridgeId", description = "A bridge's id; without it, the bridge CONFMAIL_JITSI_BRIDGE"
            + " names, else the default bridge")
    @Parameter(name = "conference", description = "room@MUC host, as Jitsi Meet appends it; ignored (every room"
            + " has the same numbers)")
    @APIResponse(responseCode = "200", description = "Every number of the bridge; an empty array when it has none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JitsiDialInNumbers"),
                    examples = @ExampleObject(name = "numbers", value = JITSI_DIAL_IN_NUMBERS)))
    @APIResponse(responseCode = "400", description = "bridgeId is not a bridge's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JitsiMessage"),
                    examples = @ExampleObject(name = "badBridgeId", value = JITSI_BAD_BRIDGE_ID)))
    @APIResponse(responseCode = "404", description = "There is no such bridge (or no bridge at all)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JitsiMessage"),
                    examples = @ExampleObject(name = "bridgeNotFound", value = JITSI_BRIDGE_NOT_FOUND)))
    public Response list(@QueryParam("bridgeId") String bridgeId, @QueryParam("conference") String conference) {
        return Response.ok(JitsiJson.numbers(numbers.of(bridgeId == null || bridgeId.isEmpty() ? null : bridgeId)))
                .header("Cache-Control", "public, max-age=300").build();
    }
}
