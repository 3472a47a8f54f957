package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.confmail.conferencing.control.UserService;
import org.confmail.mail.control.EmailHistory;
import org.confmail.mail.entity.EmailStatus;

/** The dashboard: emails by status, users, and emails per hour over the last day. */
@Named
@RequestScoped
public class DashboardBean {

    static final int HOURS = 24;

    @Inject
    EmailHistory history;

    @Inject
    UserService users;

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

    /** A Chart.js bar chart configuration for p:chart. */
    public String getChartJson() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < perHour.size(); i++) {
            Instant hour = end.minus(perHour.size() - i, ChronoUnit.HOURS);
            labels.add(String.format("%02d:00", hour.atZone(ZoneOffset.UTC).getHour()));
            data.add(perHour.get(i));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", Messages.text("dashboard.chart.label"))
                                .add("backgroundColor", "#3b82f6")
                                .add("data", data))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder()
                                .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
