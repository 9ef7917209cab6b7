package org.harbour.client;

import org.harbour.facility.CulturalFocus;
import org.harbour.facility.Gender;
import java.util.Map;
import org.harbour.problem.FieldCode;
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
                checks.fail(prefix + "language", FieldCode.BAD_LANGUAGE, "must be an ISO 639 code such as en, fr, cr");
            }
        }
        if (Boolean.TRUE.equals(needs.languageRequired()) && language == null) {
            checks.fail(prefix + "languageRequired", FieldCode.LANGUAGE_TO_REQUIRE, "needs a language to require");
        }
        String cultural = null;
        if (needs.culturallySpecific() != null) {
            cultural = CulturalFocus.fromWire(needs.culturallySpecific()).map(CulturalFocus::wire).orElse(null);
            if (cultural == null) {
                checks.fail(prefix + "culturallySpecific", FieldCode.NOT_ALLOWED_VALUE, "must be one of " + CulturalFocus.allowed(),
                        Map.of("allowed", CulturalFocus.allowedList()));
            }
        }
        return new Needs(gender == null ? null : gender.name(), needs.age(), needs.children(), needs.pets(),
                needs.substanceUse(), needs.currentSexTrade(), needs.wheelchair(), language,
                needs.traffickingSpecialized(), needs.avoidMandatoryActivities(), cultural, needs.languageRequired());
    }

    /**
     * A client's stored needs completed with what her record says: her age from her birth year (the age she
     * reaches in {@code thisYear}) and her gender when the needs name none. The search and the waitlist both
     * judge a client by these.
     */
    public static Needs ofClient(Needs stored, Client client, int thisYear) {
        Needs needs = stored == null ? Needs.NONE : stored;
        if (client.birthYear() != null) {
            needs = needs.withAge(Math.max(0, thisYear - client.birthYear()));
        }
        if (needs.gender() == null && client.gender() != null) {
            needs = needs.withGender(client.gender());
        }
        return needs;
    }
}
