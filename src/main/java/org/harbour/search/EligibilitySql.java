package org.harbour.search;

import org.harbour.client.Needs;

import java.util.ArrayList;
import java.util.List;

/**
 * The eligibility rules and preferences in SQL, for the candidate queries: each rule is the SQL twin of one of
 * {@link Matcher#reasonsRefused}'s, so the database narrows what the Matcher would decide.
 */
final class EligibilitySql {

    private EligibilitySql() {
    }

    /** A stated need's rule in SQL: true (never NULL) when the program fails it. */
    record Rule(MissReason reason, String fails, List<Object> params) {
    }

    /** The SQL form of each rule of {@link Matcher#reasonsRefused}, for the needs stated. */
    static List<Rule> rules(Needs needs) {
        List<Rule> rules = new ArrayList<>();
        if (needs.gender() != null) {
            rules.add(new Rule(MissReason.GENDER, "FIND_IN_SET(?, p.genders) = 0", List.of(needs.gender())));
        }
        if (needs.age() != null) {
            rules.add(new Rule(MissReason.AGE, "(IFNULL(p.min_age, 0) > ? OR IFNULL(p.max_age, 2147483647) < ?)",
                    List.of(needs.age(), needs.age())));
        }
        if (needs.children() != null && needs.children() > 0) {
            rules.add(new Rule(MissReason.CHILDREN, "NOT p.accepts_children", List.of()));
        }
        if (Boolean.TRUE.equals(needs.pets())) {
            rules.add(new Rule(MissReason.PETS, "NOT p.accepts_pets", List.of()));
        }
        if (Boolean.TRUE.equals(needs.substanceUse())) {
            rules.add(new Rule(MissReason.SUBSTANCE_USE, "p.substance_use = 'SOBRIETY_REQUIRED'", List.of()));
        }
        if (Boolean.TRUE.equals(needs.currentSexTrade())) {
            rules.add(new Rule(MissReason.SEX_TRADE, "NOT p.accepts_current_sex_trade", List.of()));
        }
        if (Boolean.TRUE.equals(needs.wheelchair())) {
            rules.add(new Rule(MissReason.WHEELCHAIR, "NOT p.wheelchair_accessible", List.of()));
        }
        if (needs.languageIsRequired()) {
            rules.add(new Rule(MissReason.LANGUAGE, "FIND_IN_SET(?, p.languages) = 0", List.of(needs.language())));
        }
        if (Boolean.TRUE.equals(needs.avoidMandatoryActivities())) {
            rules.add(new Rule(MissReason.MANDATORY_ACTIVITIES, "p.mandatory_activities", List.of()));
        }
        return rules;
    }

    /**
     * Whether the facility {@code f} takes intake at the instant whose local second of the week is given per zone
     * (one parameter, {@link FacilityZones#secondsOfWeekJson}): the SQL twin of {@code IntakeHours.isOpenAt}, read
     * from the facility's weekly hours as intervals of the week (V30's {@code intake_windows}, which the database
     * keeps from the JSON), so it costs one index lookup per facility. A zone missing from the parameter reads as
     * closed; {@link #ZONE_UNKNOWN} tells such rows.
     */
    static final String OPEN_NOW = """
            (f.intake_always_open OR f.intake_weekly IS NULL OR EXISTS (SELECT 1 FROM intake_windows w
              WHERE w.facility_id = f.id
                AND CAST(JSON_VALUE(?, CONCAT('$."', f.time_zone, '"')) AS SIGNED) BETWEEN w.opens_at AND w.closes_at - 1))""";

    /** True for a facility with intake hours whose zone is not in the parameter (one, as for {@link #OPEN_NOW}). */
    static final String ZONE_UNKNOWN = """
            (NOT f.intake_always_open AND f.intake_weekly IS NOT NULL
             AND NOT JSON_CONTAINS_PATH(?, 'one', CONCAT('$."', f.time_zone, '"')))""";

    /**
     * How well a program meets the stated preferences, as a number that sorts like {@link Matcher#ranking}'s
     * preference keys (trafficking-specialized 4, language 2, culture 1); {@code (0)} when none is stated.
     */
    static String preferenceScore(Needs needs, List<Object> params) {
        StringBuilder score = new StringBuilder("(0");
        if (Boolean.TRUE.equals(needs.traffickingSpecialized())) {
            score.append(" + 4 * p.trafficking_specialized");
        }
        if (needs.language() != null) {
            score.append(" + 2 * (FIND_IN_SET(?, p.languages) > 0)");
            params.add(needs.language());
        }
        if (needs.culturallySpecific() != null) {
            score.append(" + (p.culturally_specific <=> ?)");
            params.add(needs.culturallySpecific());
        }
        return score.append(')').toString();
    }
}
