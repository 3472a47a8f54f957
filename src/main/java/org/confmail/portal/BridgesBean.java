package org.confmail.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.NewBridge;
import org.confmail.conferencing.control.NewServiceNumber;
import org.confmail.platform.problem.ProblemException;

/** Bridges and their dial-in numbers. */
@Named
@ViewScoped
public class BridgesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A bridge row. */
    public record BridgeRow(String id, String name, boolean isDefault, String defaultTollNumber, int numbers)
            implements Serializable {
    }

    /** A number row. */
    public record NumberRow(String id, String number, String type, String country, String city, String languages)
            implements Serializable {
    }

    @Inject
    transient BridgeService bridges;

    private String selectedId;
    private String newBridgeName;
    private String number;
    private String type = "TOLL";
    private String country;
    private String city;
    private String languages;

    public List<BridgeRow> getBridges() {
        return bridges.list().stream().map(b -> new BridgeRow(b.id(), b.name(), b.isDefault(),
                b.defaultTollNumber() == null ? null : b.defaultTollNumber().e164(), b.serviceNumbers().size()))
                .toList();
    }

    public List<NumberRow> getNumbers() {
        if (selectedId == null) {
            return List.of();
        }
        return bridges.numbers(selectedId).stream().map(n -> new NumberRow(n.id(), n.e164(), n.type().name(),
                n.country(), n.city(), String.join(", ", n.languages()))).toList();
    }

    public void select(String id) {
        selectedId = id;
    }

    public void createBridge() {
        try {
            selectedId = bridges.create(new NewBridge(newBridgeName, false)).id();
            newBridgeName = null;
            Messages.info("bridges.created");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void makeDefault(String id) {
        try {
            bridges.update(id, null, true, null, null);
            Messages.info("bridges.defaultChanged");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void addNumber() {
        try {
            List<String> tags = languages == null || languages.isBlank() ? List.of()
                    : List.of(languages.split("[\\s,]+"));
            bridges.addNumber(selectedId, new NewServiceNumber(number, type, country, city, tags));
            number = null;
            city = null;
            Messages.info("bridges.numberAdded");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public void deleteNumber(String numberId) {
        try {
            bridges.deleteNumber(selectedId, numberId);
            Messages.info("bridges.numberDeleted");
        } catch (ProblemException e) {
            Messages.refused(e);
        }
    }

    public String getSelectedId() {
        return selectedId;
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
