package org.harbour.facility;

public enum Gender {
    WOMAN, MAN, TRANS_WOMAN, TRANS_MAN, NON_BINARY, TWO_SPIRIT
}
