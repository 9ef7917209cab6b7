package org.harbour.search;

import org.harbour.client.Needs;
import org.harbour.facility.Eligibility;
import org.harbour.facility.Gender;
import org.harbour.facility.SubstancePolicy;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per eligibility rule and per edge; the matcher is the only place these rules live. */
class MatcherTest {

    private static final Eligibility WOMENS_SHELTER = new Eligibility(
            List.of(Gender.WOMAN, Gender.TRANS_WOMAN), 16, 24, false, false, SubstancePolicy.SOBRIETY_REQUIRED,
            false, true, false, false, List.of("en", "fr"), null);

    private static Needs needs() {
        return Needs.NONE;
    }

    private static Needs with(String field, Object value) {
        return new Needs(
                field.equals("gender") ? (String) value : null,
                field.equals("age") ? (Integer) value : null,
                field.equals("children") ? (Integer) value : null,
                field.equals("pets") ? (Boolean) value : null,
                field.equals("substanceUse") ? (Boolean) value : null,
                field.equals("currentSexTrade") ? (Boolean) value : null,
                field.equals("wheelchair") ? (Boolean) value : null,
                field.equals("language") ? (String) value : null,
                field.equals("traffickingSpecialized") ? (Boolean) value : null,
                field.equals("avoidMandatoryActivities") ? (Boolean) value : null,
                field.equals("culturallySpecific") ? (String) value : null);
    }

    @Test
    void noStatedNeedsMatchesAnyProgram() {
        assertThat(Matcher.admits(WOMENS_SHELTER, needs())).isTrue();
    }

    @Test
    void genderMustBeAmongThoseAdmitted() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("gender", "TRANS_WOMAN"))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("gender", "MAN"))).isFalse();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("gender", "TWO_SPIRIT"))).isFalse();
    }

    @Test
    void ageLimitsAreInclusive() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("age", 16))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("age", 24))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("age", 15))).isFalse();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("age", 25))).isFalse();
    }

    @Test
    void openAgeBoundsAdmitAnyAge() {
        Eligibility noLimits = new Eligibility(List.of(Gender.WOMAN), null, null, false, false,
                SubstancePolicy.ALLOWED, false, false, false, false, List.of("en"), null);
        assertThat(Matcher.admits(noLimits, with("age", 0))).isTrue();
        assertThat(Matcher.admits(noLimits, with("age", 99))).isTrue();
    }

    @Test
    void childrenNeedAProgramThatAcceptsThem() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("children", 1))).isFalse();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("children", 0))).isTrue();
    }

    @Test
    void petsNeedAProgramThatAcceptsThem() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("pets", true))).isFalse();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("pets", false))).isTrue();
    }

    @Test
    void substanceUseIsRefusedOnlyWhereSobrietyIsRequired() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("substanceUse", true))).isFalse();
        Eligibility harmReduction = new Eligibility(List.of(Gender.WOMAN), null, null, false, false,
                SubstancePolicy.HARM_REDUCTION, false, false, false, false, List.of("en"), null);
        assertThat(Matcher.admits(harmReduction, with("substanceUse", true))).isTrue();
    }

    @Test
    void currentSexTradeInvolvementNeedsAProgramThatAcceptsIt() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("currentSexTrade", true))).isFalse();
    }

    @Test
    void wheelchairNeedsAnAccessibleProgram() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("wheelchair", true))).isFalse();
    }

    @Test
    void someoneWhoCannotDoChoresIsNotSentWhereTheyAreMandatory() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("avoidMandatoryActivities", true))).isFalse();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("avoidMandatoryActivities", false))).isTrue();
    }

    @Test
    void aLanguageOnlyRanksUnlessItIsRequired() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("language", "fr"))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("language", "cr"))).isTrue();
        assertThat(Matcher.matchedPreferences(WOMENS_SHELTER, with("language", "fr"))).containsExactly(Preference.LANGUAGE);
        assertThat(Matcher.matchedPreferences(WOMENS_SHELTER, with("language", "cr"))).isEmpty();
        assertThat(Matcher.admits(WOMENS_SHELTER, requiring("fr"))).isTrue();
        assertThat(Matcher.reasonsRefused(WOMENS_SHELTER, requiring("cr"))).containsExactly(MissReason.LANGUAGE);
    }

    @Test
    void preferencesMetAreNamedInRankingOrder() {
        Eligibility indigenousLed = new Eligibility(List.of(Gender.WOMAN), null, null, true, true,
                SubstancePolicy.ALLOWED, true, false, true, true, List.of("en", "cr"), "INDIGENOUS");
        Needs all = new Needs(null, null, null, null, null, null, null, "cr", true, null, "INDIGENOUS");
        assertThat(Matcher.matchedPreferences(indigenousLed, all)).containsExactly(
                Preference.TRAFFICKING_SPECIALIZED, Preference.LANGUAGE, Preference.CULTURALLY_SPECIFIC);
        assertThat(Matcher.matchedPreferences(indigenousLed, needs())).isEmpty();
        assertThat(Matcher.matchedPreferences(WOMENS_SHELTER, all)).isEmpty();
    }

    @Test
    void preferencesNeverExclude() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("traffickingSpecialized", true))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("culturallySpecific", "INDIGENOUS"))).isTrue();
    }

    @Test
    void everyReasonIsNamed() {
        Needs many = new Needs("MAN", 30, 2, true, true, true, true, "cr", null, true, null, true);
        assertThat(Matcher.reasonsRefused(WOMENS_SHELTER, many)).containsExactly(MissReason.GENDER, MissReason.AGE,
                MissReason.CHILDREN, MissReason.PETS, MissReason.SUBSTANCE_USE, MissReason.SEX_TRADE,
                MissReason.WHEELCHAIR, MissReason.LANGUAGE, MissReason.MANDATORY_ACTIVITIES);
        assertThat(Matcher.reasonsRefused(WOMENS_SHELTER, with("age", 15))).containsExactly(MissReason.AGE);
    }

    @Test
    void rankingPutsTraffickingSpecializedFirstOnlyWhenAsked() {
        Match general = match(1, false, true, false, 9);
        Match specialized = match(2, true, false, true, 1);
        List<Match> asked = sorted(List.of(general, specialized), with("traffickingSpecialized", true));
        assertThat(asked).extracting(Match::programId).containsExactly(2L, 1L);
        Eligibility specializedShelter = new Eligibility(List.of(Gender.WOMAN), null, null, false, false,
                SubstancePolicy.ALLOWED, false, false, false, true, List.of("en"), null);
        assertThat(Matcher.matchedPreferences(specializedShelter, needs())).isEmpty();
        Match specializedNotAsked = match(2, List.of(), false, true, 1);
        List<Match> notAsked = sorted(List.of(general, specializedNotAsked), needs());
        assertThat(notAsked).extracting(Match::programId).containsExactly(1L, 2L);
    }

    @Test
    void rankingThenPrefersOpenNowThenFreshThenMostBookable() {
        Match closed = match(1, false, false, false, 9);
        Match openStale = match(2, false, true, true, 9);
        Match openFreshFew = match(3, false, true, false, 1);
        Match openFreshMany = match(4, false, true, false, 5);
        assertThat(sorted(List.of(closed, openStale, openFreshFew, openFreshMany), needs()))
                .extracting(Match::programId).containsExactly(4L, 3L, 2L, 1L);
    }

    private static Needs requiring(String language) {
        return new Needs(null, null, null, null, null, null, null, language, null, null, null, true);
    }

    @Test
    void rankingPutsPreferencesFirstTraffickingThenLanguageThenCulture() {
        Match plain = match(1, List.of(), true, false, 9);
        Match culture = match(2, List.of(Preference.CULTURALLY_SPECIFIC), false, true, 1);
        Match language = match(3, List.of(Preference.LANGUAGE), false, true, 1);
        Match languageAndCulture = match(4, List.of(Preference.LANGUAGE, Preference.CULTURALLY_SPECIFIC), false, true, 1);
        Match trafficking = match(5, List.of(Preference.TRAFFICKING_SPECIALIZED), false, true, 1);
        assertThat(sorted(List.of(plain, culture, language, languageAndCulture, trafficking), needs()))
                .extracting(Match::programId).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    private static List<Match> sorted(List<Match> matches, Needs needs) {
        List<Match> copy = new ArrayList<>(matches);
        copy.sort(Matcher.ranking(needs));
        return copy;
    }

    @Test
    void theConditionsStatedAreTheOnesAProgramCouldRefuse() {
        assertThat(Matcher.anyCondition(needs())).isFalse();
        // preferences alone refuse no one
        assertThat(Matcher.anyCondition(with("language", "fr"))).isFalse();
        assertThat(Matcher.anyCondition(with("traffickingSpecialized", true))).isFalse();
        assertThat(Matcher.anyCondition(with("culturallySpecific", "INDIGENOUS"))).isFalse();
        // "no" to a yes-or-no need is no condition either
        assertThat(Matcher.anyCondition(with("pets", false))).isFalse();
        assertThat(Matcher.anyCondition(with("children", 0))).isFalse();
        for (String field : List.of("gender", "age", "children", "pets", "substanceUse", "currentSexTrade",
                "wheelchair", "avoidMandatoryActivities")) {
            Object value = switch (field) {
                case "gender" -> "WOMAN";
                case "age", "children" -> 1;
                default -> true;
            };
            assertThat(Matcher.anyCondition(with(field, value))).as(field).isTrue();
        }
        assertThat(Matcher.anyCondition(new Needs(null, null, null, null, null, null, null, "fr", null, null, null, true)))
                .as("a required language").isTrue();
    }

    @Test
    void thePreferenceScoreSortsAsTheRankingDoes() {
        Eligibility everything = new Eligibility(List.of(Gender.WOMAN), null, null, true, true,
                SubstancePolicy.HARM_REDUCTION, true, false, true, true, List.of("fr"), "INDIGENOUS");
        Needs all = new Needs(null, null, null, null, null, null, null, "fr", true, null, "INDIGENOUS", null);
        assertThat(Matcher.preferenceScore(everything, all)).isEqualTo(7);
        assertThat(Matcher.preferenceScore(everything, with("traffickingSpecialized", true))).isEqualTo(4);
        assertThat(Matcher.preferenceScore(everything, with("language", "fr"))).isEqualTo(2);
        assertThat(Matcher.preferenceScore(everything, with("culturallySpecific", "INDIGENOUS"))).isEqualTo(1);
        assertThat(Matcher.preferenceScore(everything, needs())).isZero();
        assertThat(Matcher.preferenceScore(WOMENS_SHELTER, all)).isEqualTo(2); // only the language
    }

    private static Match match(long id, boolean trafficking, boolean openNow, boolean stale, int bookable) {
        return match(id, trafficking ? List.of(Preference.TRAFFICKING_SPECIALIZED) : List.of(), openNow, stale, bookable);
    }

    private static Match match(long id, List<Preference> met, boolean openNow, boolean stale, int bookable) {
        return new Match(id, 1, "f", "p", "DV_SHELTER", "ON-CENTRAL", "Toronto", bookable, openNow, null,
                Instant.EPOCH, stale, null, met.contains(Preference.TRAFFICKING_SPECIALIZED), null, null, null, null, met);
    }
}
