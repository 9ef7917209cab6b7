package org.harbour.facility;

public enum SubstancePolicy {
    SOBRIETY_REQUIRED, HARM_REDUCTION, ALLOWED
}
