package org.confmail.platform;

/**
 * Example documents for the OpenAPI description at {@code /openapi}: what the resources' {@code @ExampleObject}s
 * show. One consistent world (the Contoso tenant, its main bridge, Ada Lovelace with conference ID 4711234 and toll
 * number +14255550100) so that an example answer matches the example request next to it. Each constant is JSON in a
 * text block; {@link OpenApiFilter} turns it into JSON values in the document. Documentation only: nothing here is
 * read when the API serves a request.
 */
public final class ApiExamples {

    private ApiExamples() {
    }

    // Bridges and service numbers.

    public static final String NEW_BRIDGE = """
            {"name": "Main bridge", "isDefault": true}""";

    public static final String BRIDGE = """
            {"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "name": "Main bridge", "isDefault": true,
             "defaultTollNumber": "+14255550100"}""";

    public static final String BRIDGES = "[" + BRIDGE + "]";

    public static final String BRIDGE_PATCH = """
            {"name": "Contoso main bridge", "defaultTollNumber": "+14255550100"}""";

    public static final String NEW_SERVICE_NUMBER = """
            {"number": "+14255550100", "type": "TOLL", "country": "US", "city": "Seattle", "languages": ["en-US"]}""";

    public static final String SERVICE_NUMBER = """
            {"id": "69c3633a-42a2-4874-90b1-7a700bbc5573", "number": "+14255550100", "type": "TOLL", "country": "US",
             "city": "Seattle", "languages": ["en-US"]}""";

    public static final String SERVICE_NUMBERS = """
            [{"id": "8ec8ff75-4e1a-4868-88c1-d220898bd71e", "number": "+33155550100", "type": "TOLL", "country": "FR",
              "city": "Paris", "languages": ["fr-FR"]},
             {"id": "69c3633a-42a2-4874-90b1-7a700bbc5573", "number": "+14255550100", "type": "TOLL", "country": "US",
              "city": "Seattle", "languages": ["en-US"]},
             {"id": "24e8c042-a9a6-41e4-8b06-0e94997e4ff1", "number": "+18005550199", "type": "TOLL_FREE",
              "country": "US", "city": null, "languages": ["en-US"]}]""";

    // Users.

    public static final String NEW_USER = """
            {"userPrincipalName": "ada.lovelace@contoso.com", "displayName": "Ada Lovelace", "country": "US",
             "preferredLanguage": "en-US", "bridgeId": "7c9e6679-7425-40de-944b-e07fc1f90ae7"}""";

    public static final String USER = """
            {"userPrincipalName": "ada.lovelace@contoso.com", "displayName": "Ada Lovelace",
             "email": "ada.lovelace@contoso.com", "preferredLanguage": "en-US", "country": "US",
             "audioConferencingLicense": true, "provider": "SELF_HOSTED", "thirdPartyProviderName": null,
             "bridgeId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "tollNumber": "+14255550100",
             "tollFreeNumber": "+18005550199", "allowTollFreeDialIn": true, "conferenceId": "4711234", "hasPin": true,
             "createdAt": "2026-11-02T08:15:30Z", "updatedAt": "2026-11-02T08:15:30Z"}""";

    public static final String USERS = "{\"items\": [" + USER + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    public static final String USER_PATCH = """
            {"country": "FR", "preferredLanguage": "fr", "tollNumber": "+33155550100"}""";

    public static final String USER_PATCH_LICENSE_OFF = """
            {"audioConferencingLicense": false}""";

    public static final String PIN_RESET = """
            {"pin": "40721", "emailId": "9c2bbdf6-cae3-438d-95f8-6cd681fb5260"}""";

    public static final String CONFERENCE_ID_RESET = """
            {"conferenceId": "8213570", "emailId": "86267f69-9779-41bc-b6c0-7649ac882f46"}""";

    public static final String NEW_MEETING = """
            {"subject": "Quarterly review", "startsAt": "2026-12-01T09:00:00Z"}""";

    public static final String MEETING = """
            {"id": "3da3e81c-778c-4999-9a25-f84c82045dfb", "subject": "Quarterly review",
             "startsAt": "2026-12-01T09:00:00Z", "conferenceId": "4711234", "dynamicConferenceId": false,
             "dialInNumbers": [
               {"e164": "+14255550100", "type": "TOLL", "country": "US", "city": "Seattle",
                "formatted": "(425) 555-0100", "telLink": "tel:+14255550100,,4711234%23"},
               {"e164": "+18005550199", "type": "TOLL_FREE", "country": "US", "city": null,
                "formatted": "(800) 555-0199", "telLink": "tel:+18005550199,,4711234%23"}],
             "findLocalNumberUrl": "https://confmail.contoso.com/dial-in/7c9e6679-7425-40de-944b-e07fc1f90ae7"}""";

    // Emails and bulk sends.

    public static final String SEND_REQUEST = """
            {"toAddress": "assistant@contoso.com"}""";

    public static final String SEND_ACCEPTED = """
            {"emailId": "1f0473e1-eb83-46e1-9e70-77274cf9d45c", "status": "QUEUED"}""";

    public static final String EMAIL = """
            {"id": "1f0473e1-eb83-46e1-9e70-77274cf9d45c", "kind": "CONFERENCE_INFO",
             "userPrincipalName": "ada.lovelace@contoso.com", "toAddress": "ada.lovelace@contoso.com",
             "fromAddress": "conferencing@contoso.com", "subject": "Your audio conferencing dial-in information",
             "status": "SENT", "attempts": 1, "nextAttemptAt": null, "lastError": null,
             "messageId": "<1f0473e1-eb83-46e1-9e70-77274cf9d45c@contoso.com>", "createdAt": "2026-11-02T08:20:11Z",
             "sentAt": "2026-11-02T08:20:12Z"}""";

    public static final String EMAIL_RETRYING = """
            {"id": "38e4cb13-22a0-4800-9bcc-20b0d39cb6dc", "kind": "PIN_RESET",
             "userPrincipalName": "marie.curie@contoso.com", "toAddress": "marie.curie@contoso.com",
             "fromAddress": "conferencing@contoso.com", "subject": null, "status": "RETRYING", "attempts": 2,
             "nextAttemptAt": "2026-11-02T08:22:41Z", "lastError": "421 4.3.2 Service not available, try again later",
             "messageId": null, "createdAt": "2026-11-02T08:21:40Z", "sentAt": null}""";

    public static final String EMAILS = "{\"items\": [" + EMAIL + ", " + EMAIL_RETRYING
            + "], \"page\": 0, \"size\": 50, \"total\": 2}";

    public static final String EMAIL_REQUEUED = """
            {"id": "1f0473e1-eb83-46e1-9e70-77274cf9d45c", "kind": "CONFERENCE_INFO",
             "userPrincipalName": "ada.lovelace@contoso.com", "toAddress": "ada.lovelace@contoso.com",
             "fromAddress": "conferencing@contoso.com", "subject": null, "status": "QUEUED", "attempts": 0,
             "nextAttemptAt": null, "lastError": "550 5.1.1 <ada.lovelace@contoso.com>: Recipient address rejected",
             "messageId": null, "createdAt": "2026-11-02T08:20:11Z", "sentAt": null}""";

    public static final String BULK_LISTED = """
            {"userPrincipalNames": ["ada.lovelace@contoso.com", "marie.curie@contoso.com"]}""";

    public static final String BULK_ALL = """
            {"all": true}""";

    public static final String BULK_ACCEPTED = """
            {"jobId": "b7ff946f-020b-4be5-9c82-369bfe08a9ec", "total": 2}""";

    public static final String BULK_PROGRESS = """
            {"jobId": "b7ff946f-020b-4be5-9c82-369bfe08a9ec", "total": 2, "queued": 0, "sent": 1, "failed": 1,
             "done": true}""";

    // Tenant dial-in settings.

    public static final String SETTINGS = """
            {"automaticallySendEmailsToUsers": true, "pinLength": 5, "useUniqueConferenceIds": false,
             "conferenceIdLength": 7, "sendEmailFromOverride": true, "sendEmailFromAddress": "conferencing@contoso.com",
             "sendEmailFromDisplayName": "Contoso Conferencing", "defaultLanguage": "en",
             "verifiedDomains": ["contoso.com"]}""";

    public static final String SETTINGS_PATCH = """
            {"sendEmailFromOverride": true, "sendEmailFromAddress": "conferencing@contoso.com",
             "sendEmailFromDisplayName": "Contoso Conferencing", "verifiedDomains": ["contoso.com"]}""";

    // Problem documents (RFC 9457), one per kind of refusal.

    public static final String MALFORMED_JSON = """
            {"type": "about:blank", "title": "Malformed JSON", "status": 400,
             "detail": "The request body is not valid JSON for this operation \
            (check the syntax and the field types)."}""";

    public static final String INVALID_USER = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "country: must be an ISO 3166 alpha-2 code such as FR",
             "errors": [{"field": "country", "message": "must be an ISO 3166 alpha-2 code such as FR"}]}""";

    public static final String INVALID_BRIDGE = """
            {"type": "about:blank", "title": "Invalid request", "status": 400, "detail": "name: is required",
             "errors": [{"field": "name", "message": "is required"}]}""";

    public static final String INVALID_BRIDGE_PATCH = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "defaultTollNumber: +18005550199 is not a toll number of this bridge",
             "errors": [
               {"field": "defaultTollNumber", "message": "+18005550199 is not a toll number of this bridge"}]}""";

    public static final String INVALID_NUMBER = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "number: must be an E.164 number such as +14255550100",
             "errors": [{"field": "number", "message": "must be an E.164 number such as +14255550100"}]}""";

    public static final String INVALID_PAGING = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "size: must be between 1 and 200",
             "errors": [{"field": "size", "message": "must be between 1 and 200"}]}""";

    public static final String INVALID_EMAIL_FILTER = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "status: must be one of [QUEUED, SENDING, SENT, RETRYING, FAILED]",
             "errors": [{"field": "status", "message": "must be one of [QUEUED, SENDING, SENT, RETRYING, FAILED]"}]}""";

    public static final String INVALID_TO_ADDRESS = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "toAddress: must be a valid email address",
             "errors": [{"field": "toAddress", "message": "must be a valid email address"}]}""";

    public static final String INVALID_MEETING = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "startsAt: must be an ISO-8601 instant such as 2026-12-01T09:00:00Z",
             "errors": [
               {"field": "startsAt", "message": "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z"}]}""";

    public static final String INVALID_BULK = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "userPrincipalNames: there is no user 'grace.hopper@contoso.com'",
             "errors": [{"field": "userPrincipalNames", "message": "there is no user 'grace.hopper@contoso.com'"}]}""";

    public static final String INVALID_SETTINGS = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "sendEmailFromAddress: its domain fabrikam.com must be one of the verifiedDomains \
            [contoso.com] to send from it",
             "errors": [{"field": "sendEmailFromAddress",
                         "message": "its domain fabrikam.com must be one of the verifiedDomains \
            [contoso.com] to send from it"}]}""";

    public static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "Authentication is required: HTTP Basic with an account, or a Bearer API token."}""";

    public static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "Your account's roles do not allow this operation."}""";

    public static final String USER_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "There is no user 'ada.lovelace@contoso.com'."}""";

    public static final String BRIDGE_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "There is no bridge with id '7c9e6679-7425-40de-944b-e07fc1f90ae7'."}""";

    public static final String NUMBER_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Bridge Main bridge has no service number with id '69c3633a-42a2-4874-90b1-7a700bbc5573'."}""";

    public static final String EMAIL_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "There is no email with id '1f0473e1-eb83-46e1-9e70-77274cf9d45c'."}""";

    public static final String JOB_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "There is no bulk job with id 'b7ff946f-020b-4be5-9c82-369bfe08a9ec'."}""";

    public static final String BRIDGE_NAME_TAKEN = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "name: a bridge named 'Main bridge' already exists",
             "errors": [{"field": "name", "message": "a bridge named 'Main bridge' already exists"}]}""";

    public static final String NUMBER_TAKEN = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "number: +14255550100 is already a service number",
             "errors": [{"field": "number", "message": "+14255550100 is already a service number"}]}""";

    public static final String BRIDGE_IN_USE = """
            {"type": "about:blank", "title": "Bridge in use", "status": 409,
             "detail": "Bridge Main bridge is the bridge of 2 user(s); move them to another bridge first."}""";

    public static final String NUMBER_IN_USE = """
            {"type": "about:blank", "title": "Number in use", "status": 409,
             "detail": "+14255550100 is a default number of 2 user(s); give them another number first."}""";

    public static final String USER_EXISTS = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "userPrincipalName: a user ada.lovelace@contoso.com already exists",
             "errors": [
               {"field": "userPrincipalName", "message": "a user ada.lovelace@contoso.com already exists"}]}""";

    public static final String CONFERENCE_ID_TAKEN = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "conferenceId: conference ID 4711234 is taken",
             "errors": [{"field": "conferenceId", "message": "conference ID 4711234 is taken"}]}""";

    public static final String NO_DIAL_IN = """
            {"type": "about:blank", "title": "No dial-in", "status": 409,
             "detail": "User ada.lovelace@contoso.com has no audio conferencing with this service \
            (it needs the license and provider SELF_HOSTED)."}""";

    public static final String NO_DIAL_IN_INFORMATION = """
            {"type": "about:blank", "title": "No dial-in information", "status": 409,
             "detail": "User ada.lovelace@contoso.com has no conference ID or no toll number yet."}""";

    public static final String NOT_FAILED = """
            {"type": "about:blank", "title": "Not failed", "status": 409,
             "detail": "Only a FAILED email can be retried; this one is SENT."}""";

    public static final String CHANGED_CONCURRENTLY = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "Someone else changed this resource at the same time; read it again and retry."}""";

    public static final String USER_PRECONDITION_FAILED = """
            {"type": "about:blank", "title": "Precondition failed", "status": 412,
             "detail": "User ada.lovelace@contoso.com was changed by someone else since you read it; \
            read it again and retry."}""";

    public static final String BRIDGE_PRECONDITION_FAILED = """
            {"type": "about:blank", "title": "Precondition failed", "status": 412,
             "detail": "The bridge was changed by someone else since you read it; read it again."}""";

    public static final String SETTINGS_PRECONDITION_FAILED = """
            {"type": "about:blank", "title": "Precondition failed", "status": 412,
             "detail": "The dial-in settings were changed by someone else since you read them; read them again."}""";

    public static final String TOO_MANY_EMAILS = """
            {"type": "about:blank", "title": "Too many emails", "status": 429,
             "detail": "User ada.lovelace@contoso.com was already sent 10 conference info emails \
            in the last hour (limit 10)."}""";

    // Jitsi Meet (public, under /jitsi; Jitsi's own formats, errors as {"message": ...}).

    public static final String JITSI_DIAL_IN_NUMBERS = """
            [{"countryCode": "us", "tollFree": false, "formattedNumber": "+1 425-555-0100", "default": true},
             {"countryCode": "us", "tollFree": true, "formattedNumber": "+1 800-555-0199", "default": false},
             {"countryCode": "fr", "tollFree": false, "formattedNumber": "+33 1 55 55 01 00", "default": false}]""";

    public static final String JITSI_BAD_BRIDGE_ID = """
            {"message": "bridgeId must be a bridge's id, such as 7c9e6679-7425-40de-944b-e07fc1f90ae7"}""";

    public static final String JITSI_BRIDGE_NOT_FOUND = """
            {"message": "There is no bridge with id 7c9e6679-7425-40de-944b-e07fc1f90ae7."}""";

    public static final String JITSI_MAPPING = """
            {"message": "Conference mapping found", "id": 5802311,
             "conference": "quarterly-review@conference.meet.contoso.com", "sipUri": "sip:5802311@sip.contoso.com"}""";

    public static final String JITSI_UNKNOWN_ID = """
            {"message": "No conference has the ID 5802312.", "conference": false}""";

    public static final String JITSI_NO_PARAMETER = """
            {"message": "Give conference=<room>@<MUC host> for a room's ID, or id=<digits> for an ID's room."}""";

    public static final String JITSI_MALFORMED_CONFERENCE = """
            {"message": "conference must be <room>@<MUC host>, such as myroom@conference.meet.example.com"}""";

    public static final String JITSI_OTHER_MUC_HOST = """
            {"message": "This service maps the rooms of conference.meet.contoso.com only, \
            not those of conference.meet.example.org."}""";

    public static final String JITSI_MALFORMED_ID = """
            {"message": "id must be a conference ID: 1 to 10 digits"}""";

    public static final String JITSI_MAPPER_OFF = """
            {"message": "The conference mapper is off: CONFMAIL_JITSI_MUC_HOSTS names no MUC host."}""";
}
