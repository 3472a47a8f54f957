package org.confmail.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.NewBridge;
import org.confmail.conferencing.control.NewServiceNumber;
import org.confmail.conferencing.control.PhoneNumbers;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;
import org.confmail.platform.problem.ProblemException;
import org.primefaces.PrimeFaces;

/**
 * Bridges and their dial-in numbers: create a bridge, make one the default, rename the selected one or change its
 * default toll number, add and delete its numbers.
 *
 * <p>The page keeps the bridges as it read them, each with its version (which moves when its numbers change too),
 * and every change names that version. When someone else changed the bridge in between, the service refuses, and
 * the page shows what changed ({@link Conflict}): the admin reloads, or does their change again over the version
 * they have now seen.
 */
@Named
@ViewScoped
public class BridgesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A bridge as read: numbers in E.164, the version its changes name. */
    public record BridgeRow(String id, String name, boolean isDefault, String defaultTollNumber,
            List<NumberRow> numbers, long version) implements Serializable {

        public String defaultTollFormatted() {
            return defaultTollNumber == null ? null : PhoneNumbers.format(defaultTollNumber, null);
        }
    }

    /** A number row; {@code formatted} as the emails show it to a reader abroad. */
    public record NumberRow(String id, String number, String formatted, String type, String country, String city,
            String languages) implements Serializable {
    }

    /** A change the page makes to a bridge, kept to do again when the admin overwrites after a conflict. */
    private record Change(Kind kind, String bridgeId, String numberId, String name, String toll,
            NewServiceNumber number) implements Serializable {
    }

    private enum Kind {
        MAKE_DEFAULT("bridges.defaultChanged"), SAVE("bridges.saved"), ADD_NUMBER("bridges.numberAdded"),
        DELETE_NUMBER("bridges.numberDeleted");

        final String doneKey;

        Kind(String doneKey) {
            this.doneKey = doneKey;
        }
    }

    @Inject
    transient BridgeService bridges;

    private List<BridgeRow> rows = List.of();
    private String selectedId;
    private String name;
    private String defaultToll;
    private String newBridgeName;
    private String number;
    private String type = "TOLL";
    private String country;
    private String city;
    private String languages;
    private Conflict conflict;
    private Change pending;

    @PostConstruct
    void read() {
        rows = bridges.list().stream().map(BridgesBean::row).toList();
        BridgeRow selected = getSelected();
        name = selected == null ? null : selected.name();
        defaultToll = selected == null ? null : selected.defaultTollNumber();
    }

    private static BridgeRow row(Bridge b) {
        List<NumberRow> numbers = b.serviceNumbers().stream().map(BridgesBean::numberRow).toList();
        return new BridgeRow(b.id(), b.name(), b.isDefault(),
                b.defaultTollNumber() == null ? null : b.defaultTollNumber().e164(), numbers, b.version());
    }

    private static NumberRow numberRow(ServiceNumber n) {
        return new NumberRow(n.id(), n.e164(), PhoneNumbers.format(n.e164(), null), n.type().name(), n.country(),
                n.city(), String.join(", ", n.languages()));
    }

    public List<BridgeRow> getBridges() {
        return rows;
    }

    public BridgeRow getSelected() {
        return rows.stream().filter(b -> b.id().equals(selectedId)).findFirst().orElse(null);
    }

    public List<NumberRow> getNumbers() {
        BridgeRow selected = getSelected();
        return selected == null ? List.of() : selected.numbers();
    }

    /** The selected bridge's toll numbers, for its default. */
    public List<NumberRow> getTollNumbers() {
        return getNumbers().stream().filter(n -> n.type().equals(NumberType.TOLL.name())).toList();
    }

    public void select(String id) {
        selectedId = id;
        read();
    }

    public void createBridge() {
        try {
            selectedId = bridges.create(new NewBridge(newBridgeName, false)).id();
            newBridgeName = null;
            read();
            Messages.info("bridges.created");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void makeDefault(String id) {
        apply(new Change(Kind.MAKE_DEFAULT, id, null, null, null, null));
    }

    /** The selected bridge's name and default toll number, each only when the admin changed it. */
    public void save() {
        BridgeRow read = getSelected();
        apply(new Change(Kind.SAVE, selectedId, null, Objects.equals(name, read.name()) ? null : name,
                Objects.equals(defaultToll, read.defaultTollNumber()) ? null : defaultToll, null));
    }

    public void addNumber() {
        List<String> tags = languages == null || languages.isBlank() ? List.of() : List.of(languages.split("[\\s,]+"));
        apply(new Change(Kind.ADD_NUMBER, selectedId, null, null, null,
                new NewServiceNumber(number, type, country, city, tags)));
    }

    public void deleteNumber(String numberId) {
        apply(new Change(Kind.DELETE_NUMBER, selectedId, numberId, null, null, null));
    }

    /** After a conflict: the refused change again, over the version the conflict showed. */
    public void overwrite() {
        if (conflict != null) {
            long version = conflict.currentVersion();
            conflict = null;
            apply(pending, version);
        }
    }

    /** After a conflict: the bridges as stored now; the refused change is dropped. */
    public void reload() {
        conflict = null;
        pending = null;
        read();
    }

    private void apply(Change change) {
        BridgeRow read = rows.stream().filter(b -> b.id().equals(change.bridgeId())).findFirst().orElse(null);
        apply(change, read == null ? null : read.version());
    }

    private void apply(Change change, Long version) {
        try {
            switch (change.kind()) {
                case MAKE_DEFAULT -> bridges.update(change.bridgeId(), null, true, null, version);
                case SAVE -> bridges.update(change.bridgeId(), change.name(), null, change.toll(), version);
                case ADD_NUMBER -> {
                    bridges.addNumber(change.bridgeId(), change.number(), version);
                    number = null;
                    city = null;
                }
                case DELETE_NUMBER -> bridges.deleteNumber(change.bridgeId(), change.numberId(), version);
            }
            read();
            Messages.info(change.kind().doneKey);
        } catch (ProblemException e) {
            if (e.isStale()) {
                showConflict(change);
            } else {
                Messages.refused(e);
            }
        }
    }

    /** What changed in the bridge since the page read it, next to what this change would do; then the dialog. */
    private void showConflict(Change change) {
        BridgeRow then = rows.stream().filter(b -> b.id().equals(change.bridgeId())).findFirst().orElseThrow();
        BridgeRow now = row(bridges.find(change.bridgeId()));
        List<Conflict.Change> changes = new ArrayList<>();
        changes.addAll(Conflict.row("bridges.name", then.name(), now.name(),
                change.kind() == Kind.SAVE ? change.name() : null));
        changes.addAll(Conflict.row("bridges.default", yesNo(then.isDefault()), yesNo(now.isDefault()),
                change.kind() == Kind.MAKE_DEFAULT ? yesNo(true) : null));
        changes.addAll(Conflict.row("bridges.defaultToll", then.defaultTollFormatted(),
                now.defaultTollFormatted(), change.kind() == Kind.SAVE && change.toll() != null
                        ? PhoneNumbers.format(change.toll(), null) : null));
        String mine = switch (change.kind()) {
            case ADD_NUMBER -> "+ " + PhoneNumbers.format(change.number().number(), null);
            case DELETE_NUMBER -> then.numbers().stream().filter(n -> n.id().equals(change.numberId()))
                    .map(n -> "− " + n.formatted()).findFirst().orElse(null);
            default -> null;
        };
        changes.addAll(Conflict.row("bridges.numbers", numbers(then), numbers(now), mine));
        conflict = new Conflict(changes, null, now.version());
        pending = change;
        PrimeFaces.current().ajax().update("conflict-form");
        PrimeFaces.current().ajax().addCallbackParam("conflict", true);
        PrimeFaces.current().executeScript("PF('conflictDialog').show()");
    }

    private static String numbers(BridgeRow bridge) {
        return String.join(", ", bridge.numbers().stream().map(NumberRow::formatted).toList());
    }

    private static String yesNo(boolean value) {
        return Messages.text(value ? "yes" : "no");
    }

    /** The refused change's conflict while its dialog is open; null otherwise. */
    public Conflict getConflict() {
        return conflict;
    }

    public String getSelectedId() {
        return selectedId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDefaultToll() {
        return defaultToll;
    }

    public void setDefaultToll(String defaultToll) {
        this.defaultToll = defaultToll;
    }

    public String getNewBridgeName() {
        return newBridgeName;
    }

    public void setNewBridgeName(String newBridgeName) {
        this.newBridgeName = newBridgeName;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }
}
