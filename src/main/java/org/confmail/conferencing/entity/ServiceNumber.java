package org.confmail.conferencing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/** A phone number (E.164) that dials into a bridge, with where it is local and which languages it announces in. */
@Entity
@Table(name = "service_number")
@NamedQuery(name = ServiceNumber.BY_E164, query = "SELECT n FROM ServiceNumber n WHERE n.e164 = :e164")
@NamedQuery(name = ServiceNumber.OF_BRIDGE,
        query = "SELECT n FROM ServiceNumber n WHERE n.bridge.id = :bridgeId ORDER BY n.country, n.e164")
public class ServiceNumber {

    public static final String BY_E164 = "ServiceNumber.byE164";
    public static final String OF_BRIDGE = "ServiceNumber.ofBridge";

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "bridge_id")
    private Bridge bridge;

    @Column(name = "e164", nullable = false)
    private String e164;

    @Enumerated(EnumType.STRING)
    @Column(name = "number_type", nullable = false)
    private NumberType type;

    @Column(nullable = false)
    private String country;

    private String city;

    /** BCP 47 tags, comma-separated. */
    @Column(nullable = false)
    private String languages;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ServiceNumber() {
    }

    public ServiceNumber(Bridge bridge, String e164, NumberType type, String country, String city,
            List<String> languages) {
        this.id = UUID.randomUUID().toString();
        this.bridge = bridge;
        this.e164 = e164;
        this.type = type;
        this.country = country;
        this.city = city;
        this.languages = String.join(",", languages);
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public Bridge bridge() {
        return bridge;
    }

    public String e164() {
        return e164;
    }

    public NumberType type() {
        return type;
    }

    public String country() {
        return country;
    }

    public String city() {
        return city;
    }

    public List<String> languages() {
        return languages.isEmpty() ? List.of() : Arrays.asList(languages.split(","));
    }
}
