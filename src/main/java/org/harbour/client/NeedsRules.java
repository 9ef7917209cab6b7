package org.harbour.client;

import org.harbour.facility.CulturalFocus;
import org.harbour.facility.Gender;
import org.harbour.problem.Checks;

import java.util.Locale;

/** Validates stated needs (422 per field) and normalizes them (upper-case enums, lower-case language). */
public final class NeedsRules {

    private NeedsRules() {
    }

    public static Needs validate(Needs needs, String prefix, Checks checks) {
        if (needs == null) {
            return Needs.NONE;
        }
        Gender gender = checks.enumValue(prefix + "gender", needs.gender(), Gender.class);
        checks.range(prefix + "age", needs.age(), 0, 120);
        checks.range(prefix + "children", needs.children(), 0, 20);
        String language = null;
        if (needs.language() != null) {
            language = needs.language().trim().toLowerCase(Locale.ROOT);
            if (!language.matches("[a-z]{2,3}")) {
                checks.fail(prefix + "language", "must be an ISO 639 code such as en, fr, cr");
            }
        }
        String cultural = null;
        if (needs.culturallySpecific() != null) {
            cultural = CulturalFocus.fromWire(needs.culturallySpecific()).map(CulturalFocus::wire).orElse(null);
            if (cultural == null) {
                checks.fail(prefix + "culturallySpecific", "must be one of " + CulturalFocus.allowed());
            }
        }
        return new Needs(gender == null ? null : gender.name(), needs.age(), needs.children(), needs.pets(),
                needs.substanceUse(), needs.currentSexTrade(), needs.wheelchair(), language,
                needs.traffickingSpecialized(), needs.avoidMandatoryActivities(), cultural);
    }
}
