package org.harbour.search;

import org.harbour.client.Needs;

import org.harbour.facility.Eligibility;
import org.harbour.facility.Gender;
import org.harbour.facility.SubstancePolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The eligibility rules, in one place: a program matches when it admits the person on every stated
 * need. Preferences (trafficking-specialized, culturally specific) do not exclude; they rank.
 */
public final class Matcher {

    private Matcher() {
    }

    public static boolean admits(Eligibility e, Needs needs) {
        return reasonsRefused(e, needs).isEmpty();
    }

    /** Why a program would turn this person away; empty when it would not. */
    public static List<String> reasonsRefused(Eligibility e, Needs needs) {
        List<String> reasons = new ArrayList<>();
        if (needs.gender() != null && !e.genders().contains(Gender.valueOf(needs.gender()))) {
            reasons.add("gender");
        }
        if (needs.age() != null && e.minAge() != null && needs.age() < e.minAge()) {
            reasons.add("age below minimum");
        }
        if (needs.age() != null && e.maxAge() != null && needs.age() > e.maxAge()) {
            reasons.add("age above maximum");
        }
        if (needs.children() != null && needs.children() > 0 && !e.acceptsChildren()) {
            reasons.add("children");
        }
        if (Boolean.TRUE.equals(needs.pets()) && !e.acceptsPets()) {
            reasons.add("pets");
        }
        if (Boolean.TRUE.equals(needs.substanceUse()) && e.substanceUse() == SubstancePolicy.SOBRIETY_REQUIRED) {
            reasons.add("sobriety required");
        }
        if (Boolean.TRUE.equals(needs.currentSexTrade()) && !e.acceptsCurrentSexTrade()) {
            reasons.add("current sex-trade involvement");
        }
        if (Boolean.TRUE.equals(needs.wheelchair()) && !e.wheelchairAccessible()) {
            reasons.add("not wheelchair accessible");
        }
        if (Boolean.TRUE.equals(needs.avoidMandatoryActivities()) && e.mandatoryActivities()) {
            reasons.add("mandatory activities");
        }
        if (needs.language() != null && !e.languages().contains(needs.language())) {
            reasons.add("language");
        }
        return reasons;
    }

    /** Higher ranks first: trafficking-specialized (when asked), open now, fresh, then most bookable. */
    public static java.util.Comparator<Match> ranking(Needs needs) {
        java.util.Comparator<Match> order = java.util.Comparator.comparing(m -> 0);
        if (Boolean.TRUE.equals(needs.traffickingSpecialized())) {
            order = order.thenComparing(m -> !m.traffickingSpecialized());
        }
        if (needs.culturallySpecific() != null) {
            order = order.thenComparing(m -> !needs.culturallySpecific().equals(m.culturallySpecific()));
        }
        return order.thenComparing(m -> !m.intakeOpenNow())
                .thenComparing(Match::stale)
                .thenComparing(Match::bookable, java.util.Comparator.reverseOrder())
                .thenComparing(Match::programId);
    }
}
