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
    void languageMustBeSpoken() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("language", "fr"))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("language", "cr"))).isFalse();
    }

    @Test
    void preferencesNeverExclude() {
        assertThat(Matcher.admits(WOMENS_SHELTER, with("traffickingSpecialized", true))).isTrue();
        assertThat(Matcher.admits(WOMENS_SHELTER, with("culturallySpecific", "INDIGENOUS"))).isTrue();
    }

    @Test
    void everyReasonIsNamed() {
        Needs many = new Needs("MAN", 30, 2, true, true, true, true, "cr", null, true, null);
        assertThat(Matcher.reasonsRefused(WOMENS_SHELTER, many)).hasSize(9);
    }

    @Test
    void rankingPutsTraffickingSpecializedFirstOnlyWhenAsked() {
        Match general = match(1, false, true, false, 9);
        Match specialized = match(2, true, false, true, 1);
        List<Match> asked = sorted(List.of(general, specialized), with("traffickingSpecialized", true));
        assertThat(asked).extracting(Match::programId).containsExactly(2L, 1L);
        List<Match> notAsked = sorted(List.of(general, specialized), needs());
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

    private static List<Match> sorted(List<Match> matches, Needs needs) {
        List<Match> copy = new ArrayList<>(matches);
        copy.sort(Matcher.ranking(needs));
        return copy;
    }

    private static Match match(long id, boolean trafficking, boolean openNow, boolean stale, int bookable) {
        return new Match(id, 1, "f", "p", "DV_SHELTER", "ON-CENTRAL", "Toronto", bookable, openNow, null,
                Instant.EPOCH, stale, null, trafficking, null);
    }
}
