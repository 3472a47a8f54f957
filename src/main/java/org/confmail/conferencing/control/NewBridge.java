package org.confmail.conferencing.control;

/** A bridge to create; the first bridge becomes the default whatever {@code isDefault} says. */
public record NewBridge(String name, Boolean isDefault) {
}
