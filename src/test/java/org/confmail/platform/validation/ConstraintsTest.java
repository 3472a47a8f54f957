package org.confmail.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.confmail.platform.problem.Problem;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Violations;
import org.junit.jupiter.api.Test;

/** Constraint violations read as the API's field errors always have: the field's API name, our own sentence. */
class ConstraintsTest {

    record Person(
            @NotBlank(message = "is required") @Size(max = 5, message = "must have at most {max} characters")
            @SingleLine String name,
            @EmailAddress String email,
            @LanguageTag String language,
            @CountryCode String country,
            List<@LanguageTag(message = "must be BCP 47 language tags such as en-US") String> languages) {
    }

    @Test
    void aValidRecordPasses() {
        Constraints.require(new Person("Ada", "ada@contoso.com", "fr-CA", "FR", List.of("en-US")));
        Constraints.require(new Person("Ada", null, null, null, List.of()));
    }

    @Test
    void everyBrokenFieldIsNamedInDeclarationOrderWithItsLimit() {
        ProblemException e = assertThrows(ProblemException.class, () -> Constraints.require(
                new Person("Ada\r\nLovelace", "not an address", "xx-YY", "fr", List.of("en-US", "??"))));
        assertEquals(List.of(
                new Problem.FieldError("name", "must have at most 5 characters"),
                new Problem.FieldError("name", "must not contain line breaks, control characters or bidirectional"
                        + " overrides"),
                new Problem.FieldError("email", "must be a valid email address"),
                new Problem.FieldError("language", "must be a BCP 47 language tag such as en-US or fr"),
                new Problem.FieldError("country", "must be an ISO 3166 alpha-2 code such as FR"),
                new Problem.FieldError("languages", "must be BCP 47 language tags such as en-US")), e.errors());
        assertEquals(400, e.getResponse().getStatus());
    }

    @Test
    void aMissingRequiredFieldSaysSoOnce() {
        Violations violations = Constraints.check(new Person(null, null, null, null, null), new Violations());
        ProblemException e = assertThrows(ProblemException.class, violations::throwIfAny);
        assertEquals(List.of(new Problem.FieldError("name", "is required")), e.errors());
    }

    @Test
    void unpairedSurrogatesAndBidiOverridesAreNotOneLine() {
        for (String name : List.of("a\uD800", "\u202Eab", "a\u0000")) {
            ProblemException e = assertThrows(ProblemException.class,
                    () -> Constraints.require(new Person(name, null, null, null, null)), name);
            assertEquals("name", e.errors().getFirst().field());
        }
    }
}
