package org.confmail.conferencing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/** A dial-in conferencing bridge and the numbers that reach it. One bridge is the tenant's default. */
@Entity
@Table(name = "bridge")
@NamedQuery(name = Bridge.ALL, query = "SELECT b FROM Bridge b ORDER BY b.name")
@NamedQuery(name = Bridge.DEFAULT, query = "SELECT b FROM Bridge b WHERE b.isDefault = TRUE")
@NamedQuery(name = Bridge.BY_NAME, query = "SELECT b FROM Bridge b WHERE LOWER(b.name) = LOWER(:name)")
public class Bridge {

    public static final String ALL = "Bridge.all";
    public static final String DEFAULT = "Bridge.default";
    public static final String BY_NAME = "Bridge.byName";

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "is_default", nullable = false)
    private boolean isDefault;

    @ManyToOne
    @JoinColumn(name = "default_toll_number_id")
    private ServiceNumber defaultTollNumber;

    @OneToMany(mappedBy = "bridge")
    @OrderBy("country, e164")
    private List<ServiceNumber> serviceNumbers = new ArrayList<>();

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Bridge() {
    }

    public Bridge(String name, boolean isDefault) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.isDefault = isDefault;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public void setDefault(boolean isDefault) {
        this.isDefault = isDefault;
    }

    public ServiceNumber defaultTollNumber() {
        return defaultTollNumber;
    }

    public void setDefaultTollNumber(ServiceNumber number) {
        this.defaultTollNumber = number;
    }

    public List<ServiceNumber> serviceNumbers() {
        return serviceNumbers;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
