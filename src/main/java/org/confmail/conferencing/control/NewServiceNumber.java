package org.confmail.conferencing.control;

import java.util.List;

/** A dial-in number to add to a bridge (serializable: the portal keeps one to add again after a conflict). */
public record NewServiceNumber(String number, String type, String country, String city, List<String> languages)
        implements java.io.Serializable {
}
