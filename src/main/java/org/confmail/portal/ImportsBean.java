package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.confmail.conferencing.control.NewUser;
import org.confmail.conferencing.control.UserImportJobs;
import org.confmail.conferencing.control.UserImports;
import org.confmail.conferencing.entity.UserImportError;
import org.confmail.conferencing.entity.UserImportJob;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.problem.ProblemException;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * Imports users from a CSV file (admins only, like the API's import): the file is read and every line checked by the
 * same service as the import, without creating anyone, and the page shows the first lines and every line that would
 * fail; once confirmed, the import runs in the background and the page follows its progress, as any admin's page
 * does on any instance, with the recent imports and a finished one's errors.
 */
@Named
@ViewScoped
public class ImportsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Lines of the file shown before the import. */
    static final int PREVIEW_ROWS = 10;
    /** Errors shown before the import; the others are counted. */
    static final int PREVIEW_ERRORS = UserImportJobs.ERRORS_KEPT;
    static final int SHOWN_LENGTH = 300;

    public record Row(long line, String userPrincipalName, String displayName, String email, String country,
            String preferredLanguage, Boolean audioConferencingLicense) implements Serializable {
    }

    public record ErrorRow(long line, String field, String message) implements Serializable {
    }

    /** What the file would do: its lines, the first ones, and the lines that would fail. */
    public record Preview(String fileName, int total, int failingLines, List<Row> rows, List<ErrorRow> errors,
            int errorsNotShown) implements Serializable {
        public int toCreate() {
            return total - failingLines;
        }
    }

    public record JobRow(String id, String fileName, String startedBy, Instant startedAt, String state, int total,
            int done, int created, int failed, int percent, int errorsNotKept) implements Serializable {
        static JobRow of(UserImportJob job) {
            return new JobRow(job.id(), job.fileName(), job.startedBy(), job.startedAt(), job.state().name(),
                    job.total(), job.done(), job.created(), job.failed(), job.percent(), job.errorsNotKept());
        }

        public boolean running() {
            return state.equals("RUNNING");
        }
    }

    @Inject
    transient UserImports imports;

    @Inject
    transient UserImportJobs jobs;

    @Inject
    transient ConfmailConfig config;

    private byte[] content;
    private String fileName;
    private Preview preview;
    /** The job chosen in the list (?job=). */
    private String job;
    /**
     * The job this page started: shown rather than {@link #job}, which Faces sets again from the page's address
     * on every postback.
     */
    private String started;

    /** Reads the uploaded file and checks every line; nothing is created. */
    public void upload(FileUploadEvent event) {
        content = null;
        preview = null;
        UploadedFile file = event.getFile();
        int limit = config.maxRequestBytes();
        if (file == null || file.getSize() > limit) {
            Messages.error("imports.tooLarge", limit / 1024);
            return;
        }
        byte[] bytes = file.getContent();
        try {
            UserImports.Parsed parsed = parse(bytes);
            // Kept once readable: the import itself is refused by its service to whom the check is (start).
            content = bytes;
            fileName = file.getFileName();
            List<UserImports.LineError> errors = imports.check(parsed);
            preview = preview(fileName, parsed, errors);
        } catch (ProblemException e) {
            if (e.getResponse().getStatus() == 400) {
                Messages.error("imports.unreadable");
            }
            Messages.refused(e);
        }
    }

    /** Starts the import of the previewed file in the background. */
    public void start() {
        if (content == null) {
            Messages.error("imports.none");
            return;
        }
        try {
            UserImports.Parsed parsed = parse(content);
            UserImportJob begun = jobs.start(parsed, fileName);
            jobs.runInBackground(begun.id(), parsed);
            started = begun.id();
            content = null;
            fileName = null;
            preview = null;
            Messages.info("imports.started", begun.total());
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    /** The file's text: UTF-8 (a byte that is not is shown as U+FFFD), without the byte order mark spreadsheets add. */
    static UserImports.Parsed parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return UserImports.parse(new StringReader(text));
    }

    static Preview preview(String fileName, UserImports.Parsed parsed, List<UserImports.LineError> errors) {
        List<Row> rows = new ArrayList<>();
        for (UserImports.Line line : parsed.lines().subList(0, Math.min(PREVIEW_ROWS, parsed.lines().size()))) {
            NewUser u = line.user();
            rows.add(new Row(line.number(), shown(u.userPrincipalName()), shown(u.displayName()), shown(u.email()),
                    shown(u.country()), shown(u.preferredLanguage()), u.audioConferencingLicense()));
        }
        List<ErrorRow> shown = errors.stream().limit(PREVIEW_ERRORS)
                .map(e -> new ErrorRow(e.line(), e.field(), shown(e.message()))).toList();
        int failing = (int) errors.stream().mapToLong(UserImports.LineError::line).distinct().count();
        return new Preview(fileName, parsed.total(), failing, rows, shown, errors.size() - shown.size());
    }

    /**
     * A cell as the preview shows it: a control character (a NUL has no place in the page's XML answer) as U+FFFD,
     * and at most {@value #SHOWN_LENGTH} characters of a long value.
     */
    static String shown(String value) {
        return value == null ? null : UserImportError.storable(value, SHOWN_LENGTH);
    }

    /** An example file: the header with every column, and two users. */
    public StreamedContent getExample() {
        return DefaultStreamedContent.builder().name("users-example.csv").contentType("text/csv")
                .stream(() -> new ByteArrayInputStream(exampleCsv().getBytes(StandardCharsets.UTF_8))).build();
    }

    static String exampleCsv() {
        List<String> columns = UserImports.COLUMNS;
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        csv.append(exampleLine(columns, "ada.lovelace@contoso.com", "Ada Lovelace", "en-GB", "GB", "true"));
        csv.append(exampleLine(columns, "alan.turing@contoso.com", "Alan Turing", "", "GB", "false"));
        return csv.toString();
    }

    private static String exampleLine(List<String> columns, String upn, String name, String language, String country,
            String license) {
        return String.join(",", columns.stream().map(c -> switch (c) {
            case "userPrincipalName" -> upn;
            case "displayName" -> name;
            case "preferredLanguage" -> language;
            case "country" -> country;
            case "audioConferencingLicense" -> license;
            default -> "";
        }).toList()) + "\n";
    }

    public List<JobRow> getJobs() {
        return perRequest("jobs", () -> jobs.recent(20).stream().map(JobRow::of).toList());
    }

    /** The job the page shows, as it stands now (read once per request, so a render shows one state of it). */
    public JobRow getShown() {
        String shown = shownJob();
        if (shown == null) {
            return null;
        }
        return perRequest("shown", () -> {
            try {
                return JobRow.of(jobs.find(shown));
            } catch (ProblemException e) {
                return null;
            }
        });
    }

    public List<ErrorRow> getShownErrors() {
        String shown = shownJob();
        if (shown == null) {
            return List.of();
        }
        return perRequest("shownErrors", () -> jobs.errors(shown).stream()
                .map(e -> new ErrorRow(e.line(), e.field(), e.message())).toList());
    }

    private String shownJob() {
        return started != null ? started : job;
    }

    /**
     * A value read once while the page renders: a table asks for its rows several times then. Before rendering
     * (a postback whose action starts a job) it is read each time.
     */
    @SuppressWarnings("unchecked")
    private static <T> T perRequest(String name, java.util.function.Supplier<T> read) {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (faces.getCurrentPhaseId() != jakarta.faces.event.PhaseId.RENDER_RESPONSE) {
            return read.get();
        }
        java.util.Map<String, Object> request = faces.getExternalContext().getRequestMap();
        String key = ImportsBean.class.getName() + "." + name;
        if (!request.containsKey(key)) {
            request.put(key, read.get());
        }
        return (T) request.get(key);
    }

    public Preview getPreview() {
        return preview;
    }

    public int getMaxLines() {
        return UserImports.MAX_LINES;
    }

    public int getMaxBytes() {
        return config.maxRequestBytes();
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job == null || job.isBlank() ? null : job;
    }
}
