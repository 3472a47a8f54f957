package org.confmail.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.confmail.conferencing.control.UserImports;
import org.confmail.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The import page's own reading of a file and its preview, before any service is asked. */
class ImportsBeanTest {

    @Test
    void aFileSavedByASpreadsheetWithAByteOrderMarkIsReadLikeAnyOther() {
        byte[] file = "\uFEFFuserPrincipalName,displayName\nada@contoso.com,Ada\n".getBytes(StandardCharsets.UTF_8);
        UserImports.Parsed parsed = ImportsBean.parse(file);
        assertEquals(1, parsed.lines().size());
        assertEquals("ada@contoso.com", parsed.lines().get(0).user().userPrincipalName());
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersInsteadOfFailingTheFile() {
        byte[] file = "userPrincipalName,displayName\nada@contoso.com,Ad\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        UserImports.Parsed parsed = ImportsBean.parse(file);
        assertEquals("Ad\uFFFD", parsed.lines().get(0).user().displayName());
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWhole() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> ImportsBean.parse("name,mail\nAda,ada@contoso.com\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("file", refused.errors().get(0).field());
    }

    @Test
    void thePreviewShowsTheFirstTenLinesAndCountsFailingLinesNotErrors() {
        StringBuilder csv = new StringBuilder("userPrincipalName,displayName,audioConferencingLicense\n");
        for (int i = 0; i < 12; i++) {
            csv.append("u").append(i).append("@contoso.com,User ").append(i).append(",true\n");
        }
        csv.append("bad@contoso.com,Bad,maybe\n");   // line 14: cannot be read
        UserImports.Parsed parsed = UserImports.parse(new StringReader(csv.toString()));
        // Line 3 fails on two fields: one failing line, two errors.
        List<UserImports.LineError> errors = List.of(new UserImports.LineError(3, "userPrincipalName", "bad"),
                new UserImports.LineError(3, "email", "bad"), parsed.errors().get(0));
        ImportsBean.Preview preview = ImportsBean.preview("users.csv", parsed, errors);
        assertEquals(13, preview.total());
        assertEquals(2, preview.failingLines());
        assertEquals(11, preview.toCreate());
        assertEquals(10, preview.rows().size());
        assertEquals(2, preview.rows().get(0).line());
        assertEquals("u9@contoso.com", preview.rows().get(9).userPrincipalName());
        assertEquals(List.of(3L, 3L, 14L), preview.errors().stream().map(ImportsBean.ErrorRow::line).toList());
        assertEquals(0, preview.errorsNotShown());
    }

    @Test
    void thePreviewShowsAtMostAThousandErrorsAndCountsTheRest() {
        UserImports.Parsed parsed = new UserImports.Parsed(List.of(), List.of());
        List<UserImports.LineError> errors = java.util.stream.LongStream.rangeClosed(2, 1201)
                .mapToObj(n -> new UserImports.LineError(n, "country", "bad")).toList();
        ImportsBean.Preview preview = ImportsBean.preview("many.csv", parsed, errors);
        assertEquals(1000, preview.errors().size());
        assertEquals(200, preview.errorsNotShown());
    }

    @Test
    void theExampleFileNamesEveryColumnAndItsUsersCanBeRead() {
        UserImports.Parsed parsed = UserImports.parse(new StringReader(ImportsBean.exampleCsv()));
        assertEquals(String.join(",", UserImports.COLUMNS), ImportsBean.exampleCsv().lines().findFirst().orElseThrow());
        assertEquals(List.of(), parsed.errors());
        assertEquals(2, parsed.lines().size());
        assertEquals(Boolean.FALSE, parsed.lines().get(1).user().audioConferencingLicense());
        assertEquals(null, parsed.lines().get(1).user().preferredLanguage(), "an empty cell is a field not given");
    }

    @Test
    void thePreviewShowsControlCharactersAsReplacementsAndCutsLongValues() {
        String csv = "userPrincipalName,displayName\nada@contoso.com,\"Ada\u0000\r\nLovelace\"\nbob@contoso.com,"
                + "x".repeat(5000) + "\n";
        UserImports.Parsed parsed = UserImports.parse(new StringReader(csv));
        ImportsBean.Preview preview = ImportsBean.preview("users.csv", parsed, List.of());
        assertEquals("Ada\uFFFD\uFFFD\uFFFDLovelace", preview.rows().get(0).displayName());
        assertEquals(ImportsBean.SHOWN_LENGTH, preview.rows().get(1).displayName().length());
    }
}
