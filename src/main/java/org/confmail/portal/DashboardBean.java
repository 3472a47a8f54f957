package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.mail.control.EmailHistory;
import org.confmail.mail.entity.EmailStatus;

/**
 * The dashboard: emails by status, users, and emails per hour over the last day, as a chart and, for screen readers,
 * as a table. Hours are sent as instants: the page shows them in the viewer's time zone.
 */
@Named
@RequestScoped
public class DashboardBean {

    static final int HOURS = 24;

    @Inject
    EmailHistory history;

    @Inject
    UserDirectory users;

    /** One bar of the chart: the hour starting at {@code start}, and the emails requested in it. */
    public record Hour(Instant start, long emails) {
    }

    private Map<EmailStatus, Long> counts;
    private List<Long> perHour;
    private long userCount;

    @PostConstruct
    void load() {
        counts = history.countsByStatus();
        perHour = history.createdPerHour(HOURS);
        userCount = users.list(null, 0, 1, null).total();
    }

    public Map<EmailStatus, Long> getCounts() {
        return counts;
    }

    public EmailStatus[] getStatuses() {
        return EmailStatus.values();
    }

    public long getUserCount() {
        return userCount;
    }

    public long getLastDayTotal() {
        return perHour.stream().mapToLong(Long::longValue).sum();
    }

    /** The last day's hours, oldest first. */
    public List<Hour> getHours() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return IntStream.range(0, perHour.size())
                .mapToObj(i -> new Hour(end.minus(perHour.size() - i, ChronoUnit.HOURS), perHour.get(i))).toList();
    }

    /**
     * A Chart.js bar chart configuration for p:chart: labels are ISO instants that the page's chart extender turns
     * into local hours; the chart takes its panel's width and height.
     */
    public String getChartJson() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Hour hour : getHours()) {
            labels.add(hour.start().toString());
            data.add(hour.emails());
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", Messages.text("dashboard.chart.label"))
                                .add("backgroundColor", "#1d4ed8")
                                .add("data", data))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", Json.createObjectBuilder().add("ticks", Json.createObjectBuilder()
                                        .add("color", "#374151")))
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)
                                                .add("color", "#374151")))))
                .build().toString();
    }
}
