package org.harbour.search;

import org.harbour.client.Needs;
import org.harbour.facility.Eligibility;
import org.harbour.facility.Gender;
import org.harbour.facility.SubstancePolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The eligibility rules, in one place: a program matches when it admits the person on every stated
 * need. Preferences (trafficking-specialized, language unless required, culturally specific) do not
 * exclude; they rank. {@code CandidateQueries} holds the SQL form of the same rules, to pre-select.
 */
public final class Matcher {

    private Matcher() {
    }

    public static boolean admits(Eligibility e, Needs needs) {
        return reasonsRefused(e, needs).isEmpty();
    }

    /** Why a program would turn this person away, in {@link MissReason} order; empty when it would not. */
    public static List<MissReason> reasonsRefused(Eligibility e, Needs needs) {
        List<MissReason> reasons = new ArrayList<>(2);
        if (needs.gender() != null && !e.genders().contains(Gender.valueOf(needs.gender()))) {
            reasons.add(MissReason.GENDER);
        }
        if (needs.age() != null && ((e.minAge() != null && needs.age() < e.minAge())
                || (e.maxAge() != null && needs.age() > e.maxAge()))) {
            reasons.add(MissReason.AGE);
        }
        if (needs.children() != null && needs.children() > 0 && !e.acceptsChildren()) {
            reasons.add(MissReason.CHILDREN);
        }
        if (Boolean.TRUE.equals(needs.pets()) && !e.acceptsPets()) {
            reasons.add(MissReason.PETS);
        }
        if (Boolean.TRUE.equals(needs.substanceUse()) && e.substanceUse() == SubstancePolicy.SOBRIETY_REQUIRED) {
            reasons.add(MissReason.SUBSTANCE_USE);
        }
        if (Boolean.TRUE.equals(needs.currentSexTrade()) && !e.acceptsCurrentSexTrade()) {
            reasons.add(MissReason.SEX_TRADE);
        }
        if (Boolean.TRUE.equals(needs.wheelchair()) && !e.wheelchairAccessible()) {
            reasons.add(MissReason.WHEELCHAIR);
        }
        if (needs.languageIsRequired() && !e.languages().contains(needs.language())) {
            reasons.add(MissReason.LANGUAGE);
        }
        if (Boolean.TRUE.equals(needs.avoidMandatoryActivities()) && e.mandatoryActivities()) {
            reasons.add(MissReason.MANDATORY_ACTIVITIES);
        }
        return reasons;
    }

    /** The stated preferences this program meets, in ranking order. */
    public static List<Preference> matchedPreferences(Eligibility e, Needs needs) {
        Set<Preference> met = EnumSet.noneOf(Preference.class);
        if (Boolean.TRUE.equals(needs.traffickingSpecialized()) && e.traffickingSpecialized()) {
            met.add(Preference.TRAFFICKING_SPECIALIZED);
        }
        if (needs.language() != null && e.languages().contains(needs.language())) {
            met.add(Preference.LANGUAGE);
        }
        if (needs.culturallySpecific() != null && needs.culturallySpecific().equals(e.culturallySpecific())) {
            met.add(Preference.CULTURALLY_SPECIFIC);
        }
        return List.copyOf(met);
    }

    /**
     * Higher ranks first: the preferences met (trafficking-specialized when asked, then language, then
     * culture), then intake open now, fresh before stale, then most bookable.
     */
    public static Comparator<Match> ranking(Needs needs) {
        Comparator<Match> order = Comparator.comparing(m -> 0);
        for (Preference preference : Preference.values()) {
            order = order.thenComparing(m -> !m.matchedPreferences().contains(preference));
        }
        return order.thenComparing(m -> !m.intakeOpenNow())
                .thenComparing(Match::stale)
                .thenComparing(Match::bookable, Comparator.reverseOrder())
                .thenComparing(Match::programId);
    }
}
