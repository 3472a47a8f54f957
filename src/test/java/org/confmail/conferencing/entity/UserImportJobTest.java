package org.confmail.conferencing.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A stored import's progress and the text its error rows keep. */
class UserImportJobTest {

    @Test
    void progressIsThePartOfTheLinesTriedAndFailedLinesAreThoseNotCreated() {
        UserImportJob job = new UserImportJob("users.csv", "admin", "i1@1", 400);
        assertEquals(0, job.percent());
        job.progressed(200, 190, 3);
        assertEquals(50, job.percent());
        assertEquals(10, job.failed());
        job.progressed(300, 280, 2);
        assertEquals(5, job.errorsNotKept(), "the errors not kept add up over the chunks");
        job.finished(UserImportState.INTERRUPTED);
        assertEquals(75, job.percent(), "an interrupted job shows where it stopped");
        job.finished(UserImportState.DONE);
        assertEquals(100, job.percent());
    }

    @Test
    void anEmptyImportIsAtZeroWhileRunningAndFullOnceDone() {
        UserImportJob job = new UserImportJob(null, "admin", "i1@1", 0);
        assertEquals(0, job.percent());
        job.finished(UserImportState.DONE);
        assertEquals(100, job.percent());
    }

    @Test
    void storedTextHasNoControlCharactersAndFitsItsColumn() {
        assertEquals("a\uFFFDb\uFFFDc", UserImportError.storable("a\u0000b\nc", 100));
        assertEquals("abcd…", UserImportError.storable("abcdefgh", 5));
        String emoji = "abc\uD83D\uDE00\uD83D\uDE00";
        assertEquals("abc…", UserImportError.storable(emoji, 5), "a surrogate pair is not cut in half");
        assertEquals("\uFFFD", UserImportError.storable("\uD800", 5), "a lone surrogate cannot be stored as UTF-8");
        UserImportError error = new UserImportError("job", 0, 7, "displayName", "x".repeat(5000));
        assertEquals(UserImportError.MESSAGE_LENGTH, error.message().length());
    }
}
