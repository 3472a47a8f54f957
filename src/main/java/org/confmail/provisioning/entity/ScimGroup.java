package org.confmail.provisioning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.platform.database.TrackedEntity;

/**
 * A group of users as an identity provider pushes it through SCIM. One group matters to confmail: the license group
 * (its displayName is {@code CONFMAIL_SCIM_LICENSE_GROUP}), whose members hold the audio-conferencing license; the
 * others are kept so that the provider finds what it wrote.
 */
@Entity
@Table(name = "scim_group")
@NamedQuery(name = ScimGroup.BY_NAME, query = "SELECT g FROM ScimGroup g WHERE LOWER(g.displayName) = :name")
@NamedQuery(name = ScimGroup.OF_USER,
        query = "SELECT g FROM ScimGroup g JOIN g.members m WHERE m.id = :userId ORDER BY g.displayName")
public class ScimGroup extends TrackedEntity {

    public static final String BY_NAME = "ScimGroup.byName";
    public static final String OF_USER = "ScimGroup.ofUser";

    @Id
    private String id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "external_id")
    private String externalId;

    @ManyToMany
    @JoinTable(name = "scim_group_member", joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<ConferencingUser> members = new HashSet<>();


    protected ScimGroup() {
    }

    public ScimGroup(String displayName) {
        this.id = UUID.randomUUID().toString();
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String externalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public Set<ConferencingUser> members() {
        return members;
    }

}
