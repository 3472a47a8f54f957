package org.confmail.conferencing.entity;

/** Who provides a user's audio conferencing: this service's bridge, another provider, or nobody. */
public enum Provider {
    SELF_HOSTED,
    THIRD_PARTY,
    NONE
}
