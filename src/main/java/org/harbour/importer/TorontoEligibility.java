package org.harbour.importer;

import org.harbour.facility.Eligibility;
import org.harbour.facility.Gender;
import org.harbour.facility.Population;
import org.harbour.facility.SubstancePolicy;

import java.util.List;

/**
 * Who an imported program admits. The open data says only the sector, so the rules follow from it:
 * Toronto's shelters are harm-reduction, women's and men's programs include trans women and trans men,
 * youth programs serve 16 to 24, adult programs 18 and over. What the data does not say (pets, wheelchair
 * access, current sex-trade involvement, trafficking specialization) is not promised. An ADMIN may refine
 * them with PUT /api/programs/{id}; importing again keeps the refinement.
 */
final class TorontoEligibility {

    private static final List<Gender> EVERYONE = List.of(Gender.values());

    private TorontoEligibility() {
    }

    static Eligibility of(Population population) {
        List<Gender> genders = switch (population) {
            case WOMEN -> List.of(Gender.WOMAN, Gender.TRANS_WOMAN);
            case MEN -> List.of(Gender.MAN, Gender.TRANS_MAN);
            case MIXED_ADULT, FAMILIES, YOUTH -> EVERYONE;
        };
        Integer minAge = switch (population) {
            case YOUTH -> 16;
            case FAMILIES -> null;
            case WOMEN, MEN, MIXED_ADULT -> 18;
        };
        Integer maxAge = population == Population.YOUTH ? 24 : null;
        return new Eligibility(genders, minAge, maxAge, population == Population.FAMILIES, false,
                SubstancePolicy.HARM_REDUCTION, false, false, false, false, List.of("en"), null);
    }
}
