package org.harbour.facility;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Culturally specific services; "2SLGBTQ" is not a Java name, so each value carries its wire form. */
public enum CulturalFocus {
    INDIGENOUS("INDIGENOUS"), BLACK("BLACK"), NEWCOMER("NEWCOMER"), TWO_SLGBTQ("2SLGBTQ");

    private final String wire;

    CulturalFocus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<CulturalFocus> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wire.equalsIgnoreCase(value.trim())).findFirst();
    }

    public static String allowed() {
        return String.join(", ", allowedList());
    }

    /** The wire values, as a field error's params.allowed. */
    public static List<String> allowedList() {
        return Arrays.stream(values()).map(CulturalFocus::wire).toList();
    }
}
