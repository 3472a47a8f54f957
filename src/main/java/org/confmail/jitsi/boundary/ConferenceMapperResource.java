package org.confmail.jitsi.boundary;

import static org.confmail.platform.ApiExamples.JITSI_MALFORMED_CONFERENCE;
import static org.confmail.platform.ApiExamples.JITSI_MALFORMED_ID;
import static org.confmail.platform.ApiExamples.JITSI_MAPPER_OFF;
import static org.confmail.platform.ApiExamples.JITSI_MAPPING;
import static org.confmail.platform.ApiExamples.JITSI_NO_PARAMETER;
import static org.confmail.platform.ApiExamples.JITSI_OTHER_MUC_HOST;
import static org.confmail.platform.ApiExamples.JITSI_UNKNOWN_ID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.confmail.jitsi.control.ConferenceMapper;
import org.confmail.jitsi.control.JitsiRefusal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Jitsi Meet's {@code dialInConfCodeUrl}: {@code conference=room@muc-host} answers the room's conference ID (given
 * for good the first time), {@code id=digits} answers the room of an ID, as the dial-in side asks it once a caller
 * has keyed the ID in. With both, {@code conference} wins, as in Jitsi's own API.
 */
@Path("conference-mapper")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jitsi Meet")
public class ConferenceMapperResource {

    @Inject
    ConferenceMapper mapper;

    @GET
    @SecurityRequirementsSet
    @Operation(operationId = "jitsiConferenceMapper", summary = "A Jitsi room's conference ID (conference=), or the"
            + " room of a conference ID (id=)")
    @Parameter(name = "conference", description = "room@MUC host as Jitsi Meet sends it; the room name is"
            + " case-insensitive and may be Unicode or %-encoded",
            example = "Quarterly-Review@conference.meet.contoso.com")
    @Parameter(name = "id", description = "A conference ID, for the reverse lookup", example = "5802311")
    @Parameter(name = "cid", description = "The same as id, under the name some IVR scripts use")
    @Parameter(name = "url", description = "The meeting's address, as Jitsi Meet appends it; ignored")
    @APIResponse(responseCode = "200", description = "The mapping; for an ID that no room has, conference is false"
            + " and there is no id", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "JitsiConferenceMapping"), examples = {
                        @ExampleObject(name = "mapping", value = JITSI_MAPPING),
                        @ExampleObject(name = "unknownId", value = JITSI_UNKNOWN_ID)}))
    @APIResponse(responseCode = "400", description = "No parameter, or a malformed one: a message and no id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JitsiMessage"),
                    examples = {
                        @ExampleObject(name = "noParameter", value = JITSI_NO_PARAMETER),
                        @ExampleObject(name = "malformedConference", value = JITSI_MALFORMED_CONFERENCE),
                        @ExampleObject(name = "otherMucHost", value = JITSI_OTHER_MUC_HOST),
                        @ExampleObject(name = "malformedId", value = JITSI_MALFORMED_ID)}))
    @APIResponse(responseCode = "404", description = "No MUC host is configured (CONFMAIL_JITSI_MUC_HOSTS)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JitsiMessage"),
                    examples = @ExampleObject(name = "mapperOff", value = JITSI_MAPPER_OFF)))
    public JsonObject map(@QueryParam("conference") String conference, @QueryParam("id") String id,
            @QueryParam("cid") String cid, @QueryParam("url") String url) {
        if (conference != null && !conference.isEmpty()) {
            return JitsiJson.mapping(mapper.idOf(conference), "Conference mapping found");
        }
        String wanted = id != null && !id.isEmpty() ? id : cid;
        if (wanted == null || wanted.isEmpty()) {
            throw JitsiRefusal.badRequest(
                    "Give conference=<room>@<MUC host> for a room's ID, or id=<digits> for an ID's room.");
        }
        return mapper.roomOf(wanted).map(mapping -> JitsiJson.mapping(mapping, "Conference mapping found"))
                .orElseGet(() -> JitsiJson.unknownId(wanted));
    }
}
