package org.confmail.jitsi.boundary;


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

/**
 * Jitsi Meet's {@code dialInConfCodeUrl}: {@code conference=room@muc-host} answers the room's conference ID (given
 * for good the first time), {@code id=digits} answers the room of an ID, as the dial-in side asks it once a caller
 * has keyed the ID in. With both, {@code conference} wins, as in Jitsi's own API.
 */
@Path("conference-mapper")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceMapperResource {

    @Inject
    ConferenceMapper mapper;

    @GET
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
