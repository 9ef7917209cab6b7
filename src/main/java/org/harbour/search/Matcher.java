package org.harbour.search;

import org.harbour.client.Needs;
import org.harbour.facility.Eligibility;
import org.harbour.facility.Gender;
import org.harbour.facility.SubstancePolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The eligibility rules, in one place: a program matches when it admits the person on every stated
 * need. Preferences (trafficking-specialized, language unless required, culturally specific) do not
 * exclude; they rank. Bed requests apply them in memory ({@code CandidateQueries}); there is no other copy.
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
        for (Preference preference : Preference.values()) {
            if (meets(preference, e, needs)) {
                met.add(preference);
            }
        }
        return List.copyOf(met);
    }

    /**
     * The preferences met as one number that sorts as {@link #ranking}'s preference keys do (the first preference
     * met outweighs all after it): trafficking-specialized 4, language 2, culture 1.
     */
    static int preferenceScore(Eligibility e, Needs needs) {
        return score(preference -> meets(preference, e, needs));
    }

    private static int score(Predicate<Preference> met) {
        int score = 0;
        for (Preference preference : Preference.values()) {
            score = score * 2 + (met.test(preference) ? 1 : 0);
        }
        return score;
    }

    private static boolean meets(Preference preference, Eligibility e, Needs needs) {
        return switch (preference) {
            case TRAFFICKING_SPECIALIZED -> Boolean.TRUE.equals(needs.traffickingSpecialized()) && e.traffickingSpecialized();
            case LANGUAGE -> needs.language() != null && e.languages().contains(needs.language());
            case CULTURALLY_SPECIFIC -> needs.culturallySpecific() != null
                    && needs.culturallySpecific().equals(e.culturallySpecific());
        };
    }

    /** A program that admits no one: it refuses every condition a person's needs can state. */
    private static final Eligibility ADMITS_NO_ONE = new Eligibility(List.of(), Integer.MAX_VALUE, Integer.MIN_VALUE,
            false, false, SubstancePolicy.SOBRIETY_REQUIRED, false, true, false, false, List.of(), null);

    /** Whether the needs state any condition (not only preferences), so that some program could refuse her. */
    static boolean anyCondition(Needs needs) {
        return !reasonsRefused(ADMITS_NO_ONE, needs).isEmpty();
    }

    /**
     * Higher ranks first: the preferences met (trafficking-specialized when asked, then language, then
     * culture), then intake open now, fresh before stale, then most bookable.
     */
    public static Comparator<Match> ranking(Needs needs) {
        return ranking(m -> score(m.matchedPreferences()::contains), Match::intakeOpenNow, Match::stale,
                Match::bookable, Match::programId);
    }

    /**
     * The ranking over any row that has its keys ({@link #preferenceScore} for the preferences): the one definition,
     * which the search ranks its rows with before any match is built.
     */
    static <T> Comparator<T> ranking(ToIntFunction<T> preferenceScore, Predicate<T> intakeOpenNow, Predicate<T> stale,
                                     ToIntFunction<T> bookable, ToLongFunction<T> programId) {
        return Comparator.comparingInt(preferenceScore).reversed()
                .thenComparing((T row) -> !intakeOpenNow.test(row))
                .thenComparing(stale::test)
                .thenComparing(Comparator.comparingInt(bookable).reversed())
                .thenComparingLong(programId);
    }
}
