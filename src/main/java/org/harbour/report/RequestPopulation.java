package org.harbour.report;

/**
 * Which population a bed request was for, read from its stated needs (alias r), first rule that applies:
 * children -> FAMILIES; age under 25 -> YOUTH (Toronto's youth sector is 16-24, HUD's youth under 25);
 * WOMAN or TRANS_WOMAN -> WOMEN; MAN or TRANS_MAN -> MEN; any other stated gender -> MIXED_ADULT;
 * nothing stated -> ANY.
 */
final class RequestPopulation {

    static final String ANY = "ANY";

    static final String SQL = """
            (CASE WHEN CAST(JSON_VALUE(r.needs, '$.children') AS SIGNED) > 0 THEN 'FAMILIES'
                  WHEN CAST(JSON_VALUE(r.needs, '$.age') AS SIGNED) < 25 THEN 'YOUTH'
                  WHEN JSON_VALUE(r.needs, '$.gender') IN ('WOMAN', 'TRANS_WOMAN') THEN 'WOMEN'
                  WHEN JSON_VALUE(r.needs, '$.gender') IN ('MAN', 'TRANS_MAN') THEN 'MEN'
                  WHEN JSON_VALUE(r.needs, '$.gender') IN ('NON_BINARY', 'TWO_SPIRIT') THEN 'MIXED_ADULT'
                  ELSE 'ANY' END)""";

    private RequestPopulation() {
    }
}
