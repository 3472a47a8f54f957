package org.confmail.conferencing.entity;

/** Whether callers pay for the call (toll) or the organization does (toll-free). */
public enum NumberType {
    TOLL,
    TOLL_FREE
}
