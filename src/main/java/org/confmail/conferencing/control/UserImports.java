package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.confmail.audit.control.AuditTrail;
import org.confmail.platform.problem.Problem;
import org.confmail.platform.problem.ProblemException;
import org.confmail.platform.problem.Standards;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;

/**
 * Brings many users in at once from CSV, each through {@link UserService#create} exactly as one created through the
 * API or the portal (the same checks, defaults, PIN and LICENSE_ASSIGNED email). A line that fails is reported with
 * its line number and the reason, and the other lines are created all the same.
 *
 * <p>The first line names the columns, in any order, with the names of the API's user fields
 * ({@link #COLUMNS}; {@code userPrincipalName} and {@code displayName} are required); an empty cell is a field not
 * given, so it takes its default. Users are created in chunks of {@value #CHUNK}, one transaction each, which is most
 * of the speed; a chunk with a bad line is done again one line per transaction, so the bad line alone fails.
 */
@ApplicationScoped
public class UserImports {

    /** Lines (after the header) one import may hold. */
    public static final int MAX_LINES = 50_000;
    static final int CHUNK = 200;
    public static final List<String> COLUMNS = List.of("userPrincipalName", "displayName", "email",
            "preferredLanguage", "country", "audioConferencingLicense", "provider", "thirdPartyProviderName",
            "bridgeId", "tollNumber", "tollFreeNumber", "allowTollFreeDialIn", "conferenceId");
    private static final Set<String> BOOLEANS = Set.of("audioConferencingLicense", "allowTollFreeDialIn");

    /** A line to import: its number in the file (the header is line 1) and the user it describes. */
    public record Line(long number, NewUser user) {
    }

    public record LineError(long line, String field, String message) {
    }

    /** The lines that can be tried, and those that could not even be read (a bad true/false, too many cells). */
    public record Parsed(List<Line> lines, List<LineError> errors) {
        public int total() {
            return lines.size() + errors.size();
        }
    }

    public record Outcome(int total, int created, int failed, List<LineError> errors) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    UserImports self;

    @Inject
    AuditTrail audit;

    /** Reads a CSV file; a missing or unknown column, or more than {@value #MAX_LINES} lines, refuses it all (400). */
    public static Parsed parse(Reader csv) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(false).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            Set<String> unknown = new LinkedHashSet<>(header);
            COLUMNS.forEach(unknown::remove);
            if (!unknown.isEmpty() || !header.contains("userPrincipalName") || !header.contains("displayName")) {
                throw ProblemException.invalid("file", "the first line must name the columns: userPrincipalName,"
                        + " displayName and any of " + String.join(", ", COLUMNS.subList(2, COLUMNS.size()))
                        + (unknown.isEmpty() ? "" : "; unknown: " + Standards.excerpt(String.join(", ", unknown))));
            }
            List<Line> lines = new ArrayList<>();
            List<LineError> errors = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (lines.size() + errors.size() >= MAX_LINES) {
                    throw ProblemException.invalid("file", "at most " + MAX_LINES + " users per import");
                }
                long number = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    errors.add(new LineError(number, null, "has " + record.size() + " cells, the header "
                            + header.size()));
                    continue;
                }
                Map<String, String> cells = record.toMap();
                LineError bad = null;
                for (String field : BOOLEANS) {
                    String value = cells.get(field);
                    if (value != null && !value.isEmpty() && !value.equalsIgnoreCase("true")
                            && !value.equalsIgnoreCase("false")) {
                        bad = new LineError(number, field, "must be true or false");
                    }
                }
                if (bad != null) {
                    errors.add(bad);
                    continue;
                }
                lines.add(new Line(number, new NewUser(cell(cells, "userPrincipalName"), cell(cells, "displayName"),
                        cell(cells, "email"), cell(cells, "preferredLanguage"), cell(cells, "country"),
                        bool(cells, "audioConferencingLicense"), cell(cells, "provider"),
                        cell(cells, "thirdPartyProviderName"), cell(cells, "bridgeId"), cell(cells, "tollNumber"),
                        cell(cells, "tollFreeNumber"), bool(cells, "allowTollFreeDialIn"),
                        cell(cells, "conferenceId"))));
            }
            return new Parsed(lines, errors);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a malformed file (an unclosed quote, a duplicate column) this way.
            throw ProblemException.invalid("file", "is not a readable CSV file: "
                    + Standards.excerpt(String.valueOf(e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("file", "is not a readable CSV file: "
                    + Standards.excerpt(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Creates the users of the readable lines; {@code progress} hears how many lines are done after each chunk. One
     * audit entry for the whole import.
     */
    @Guarded(roles = Roles.ADMIN, action = "user.import")
    public Outcome importLines(Parsed parsed, IntConsumer progress) {
        audit.target(null);
        Outcome outcome = run(parsed, (done, created, errors) -> progress.accept(done));
        audit.target(null);
        audit.detail(summary(outcome));
        return outcome;
    }

    /** What an import did, in the audit trail's words. */
    public static String summary(Outcome outcome) {
        return outcome.total() + " lines: " + outcome.created() + " users created, " + outcome.failed()
                + " lines failed";
    }

    /** Hears about each chunk: lines done and users created so far, and the errors of this chunk's lines. */
    @FunctionalInterface
    public interface ChunkListener {
        void chunkDone(int done, int created, List<LineError> chunkErrors);
    }

    /**
     * The work of {@link #importLines} without its audit entry, for a caller that records the import itself (the
     * portal's background job, {@link UserImportJobs}); each user still goes through the guarded
     * {@link UserService#create}. The lines that could not be read are reported with the first chunk.
     */
    public Outcome run(Parsed parsed, ChunkListener listener) {
        List<LineError> errors = new ArrayList<>(parsed.errors());
        List<LineError> unreported = new ArrayList<>(parsed.errors());
        int created = 0;
        int done = parsed.errors().size();
        List<Line> lines = parsed.lines();
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<Line> chunk = lines.subList(from, Math.min(from + CHUNK, lines.size()));
            List<LineError> chunkErrors = new ArrayList<>();
            try {
                self.createAll(chunk);
                created += chunk.size();
            } catch (RuntimeException chunkFailed) {
                for (Line line : chunk) {
                    try {
                        self.createOne(line);
                        created++;
                    } catch (ProblemException e) {
                        chunkErrors.addAll(errorsOf(line.number(), e));
                    } catch (RuntimeException e) {
                        chunkErrors.add(new LineError(line.number(), null, "could not be created: "
                                + e.getClass().getSimpleName()));
                    }
                }
            }
            done += chunk.size();
            errors.addAll(chunkErrors);
            unreported.addAll(chunkErrors);
            listener.chunkDone(done, created, List.copyOf(unreported));
            unreported.clear();
        }
        if (lines.isEmpty()) {
            listener.chunkDone(done, created, List.copyOf(unreported));
        }
        errors.sort(Comparator.comparingLong(LineError::line));
        return new Outcome(parsed.total(), created, parsed.total() - created, errors);
    }

    /**
     * The lines that would fail if this file were imported now, without creating anything: those that could not be
     * read, those {@link UserService#check} refuses (its rules, the ones {@link UserService#create} applies), and
     * a UPN given again on a later line (only its first good line can be created). Users created by someone else
     * meanwhile can still make a line fail at the import.
     */
    @Guarded(roles = Roles.ADMIN)
    public List<LineError> check(Parsed parsed) {
        List<LineError> errors = new ArrayList<>(parsed.errors());
        List<Line> lines = parsed.lines();
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<Line> chunk = lines.subList(from, Math.min(from + CHUNK, lines.size()));
            try {
                errors.addAll(self.checkAll(chunk));
            } catch (RuntimeException chunkFailed) {
                for (Line line : chunk) {
                    try {
                        errors.addAll(self.checkAll(List.of(line)));
                    } catch (RuntimeException e) {
                        errors.add(new LineError(line.number(), null, "could not be checked: "
                                + e.getClass().getSimpleName()));
                    }
                }
            }
        }
        java.util.Set<Long> failing = new java.util.HashSet<>();
        errors.forEach(e -> failing.add(e.line()));
        Map<String, Long> firstLineOf = new java.util.HashMap<>();
        for (Line line : lines) {
            String upn = line.user().userPrincipalName();
            if (upn == null || failing.contains(line.number())) {
                continue; // a line that fails creates nobody, so a later line with its UPN may
            }
            upn = upn.strip().toLowerCase(Locale.ROOT);
            Long first = firstLineOf.putIfAbsent(upn, line.number());
            if (first != null) {
                errors.add(new LineError(line.number(), "userPrincipalName", "a user " + upn
                        + " already exists (line " + first + ")"));
            }
        }
        errors.sort(Comparator.comparingLong(LineError::line));
        return errors;
    }

    /** Checks a chunk in one read-only transaction; a refusal is that line's errors and the others go on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<LineError> checkAll(List<Line> chunk) {
        List<LineError> errors = new ArrayList<>();
        for (Line line : chunk) {
            try {
                users.check(line.user());
            } catch (ProblemException e) {
                errors.addAll(errorsOf(line.number(), e));
            }
        }
        return errors;
    }

    /**
     * One chunk, one transaction. Flushed at the commit only: with the default (before every query) each of the
     * several lookups per user would flush and compare every user and email of the chunk so far, quadratic in the
     * chunk. What the lookups then miss (a UPN or a generated conference ID twice in one chunk) the unique
     * constraints catch at the commit, and the chunk is done again line by line, where each line sees the others.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createAll(List<Line> chunk) {
        em.setFlushMode(FlushModeType.COMMIT);
        chunk.forEach(line -> users.create(line.user()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createOne(Line line) {
        users.create(line.user());
    }

    private static List<LineError> errorsOf(long line, ProblemException e) {
        List<Problem.FieldError> fields = e.errors();
        if (fields == null || fields.isEmpty()) {
            return List.of(new LineError(line, null, e.detail()));
        }
        return fields.stream().map(f -> new LineError(line, f.field(), f.message())).toList();
    }

    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Boolean bool(Map<String, String> cells, String column) {
        String value = cell(cells, column);
        return value == null ? null : Boolean.valueOf(value.toLowerCase(Locale.ROOT));
    }
}
