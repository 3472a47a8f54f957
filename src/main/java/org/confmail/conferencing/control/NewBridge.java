package org.confmail.conferencing.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.confmail.platform.validation.SingleLine;

/** A bridge to create; the first bridge becomes the default whatever {@code isDefault} says. */
public record NewBridge(
        @NotBlank(message = "is required")
        @Size(max = BridgeService.MAX_NAME_LENGTH, message = "must have at most {max} characters")
        @SingleLine
        String name,
        Boolean isDefault) {
}
