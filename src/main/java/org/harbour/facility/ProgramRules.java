package org.harbour.facility;

import org.harbour.facility.FacilityApi.EligibilityRequest;
import org.harbour.facility.FacilityApi.ProgramRequest;
import java.util.Map;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a program request field by field and turns it into a {@link Program}. */
final class ProgramRules {

    static final int MAX_CAPACITY = 100_000;
    /** 30 codes of up to 3 letters, comma-separated, fit the 120-character languages column. */
    static final int MAX_LANGUAGES = 30;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private ProgramRules() {
    }

    /** @return the program to save, or null when {@code checks} gathered errors */
    static Program toProgram(ProgramRequest r, String prefix, Checks checks, long facilityId, Long id,
                             Instant createdAt, Instant now) {
        if (r == null) {
            checks.fail(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), FieldCode.REQUIRED, "is required");
            return null;
        }
        checks.required(prefix + "name", r.name());
        checks.text(prefix + "name", r.name(), 200);
        ProgramType type = checks.required(prefix + "type", r.type())
                ? checks.enumValue(prefix + "type", r.type(), ProgramType.class) : null;
        Population population = checks.required(prefix + "population", r.population())
                ? checks.enumValue(prefix + "population", r.population(), Population.class) : null;
        CapacityType capacityType = checks.required(prefix + "capacityType", r.capacityType())
                ? checks.enumValue(prefix + "capacityType", r.capacityType(), CapacityType.class) : null;
        if (checks.required(prefix + "capacity", r.capacity())) {
            checks.range(prefix + "capacity", r.capacity(), 0, MAX_CAPACITY);
        }
        checks.range(prefix + "maxStayDays", r.maxStayDays(), 1, 3650);
        if (r.nightlyCost() != null && (r.nightlyCost().signum() < 0 || r.nightlyCost().compareTo(BigDecimal.valueOf(100_000)) > 0)) {
            checks.fail(prefix + "nightlyCost", FieldCode.OUT_OF_RANGE, "must be between 0 and 100000", Map.of("min", 0, "max", 100000));
        }
        EligibilityRequest e = r.eligibility();
        if (e == null) {
            checks.fail(prefix + "eligibility", FieldCode.REQUIRED, "is required");
            return null;
        }
        String ep = prefix + "eligibility.";
        List<String> genders = genders(e.genders(), ep + "genders", checks);
        checks.range(ep + "minAge", e.minAge(), 0, 120);
        checks.range(ep + "maxAge", e.maxAge(), 0, 120);
        if (e.minAge() != null && e.maxAge() != null && e.minAge() > e.maxAge()) {
            checks.fail(ep + "maxAge", FieldCode.BEFORE_START, "must not be below minAge", Map.of("other", "minAge"));
        }
        SubstancePolicy substance = checks.required(ep + "substanceUse", e.substanceUse())
                ? checks.enumValue(ep + "substanceUse", e.substanceUse(), SubstancePolicy.class) : null;
        List<String> languages = languages(e.languages(), ep + "languages", checks);
        String cultural = null;
        if (e.culturallySpecific() != null) {
            cultural = CulturalFocus.fromWire(e.culturallySpecific()).map(CulturalFocus::wire).orElse(null);
            if (cultural == null) {
                checks.fail(ep + "culturallySpecific", FieldCode.NOT_ALLOWED_VALUE, "must be null or one of " + CulturalFocus.allowed(),
                        Map.of("allowed", CulturalFocus.allowedList()));
            }
        }
        if (!checks.ok()) {
            return null;
        }
        return new Program(id, facilityId, r.name().trim(), type, population, capacityType, r.capacity(),
                r.maxStayDays(), r.nightlyCost(), String.join(",", genders), e.minAge(), e.maxAge(),
                isTrue(e.acceptsChildren()), isTrue(e.acceptsPets()), substance, isTrue(e.acceptsCurrentSexTrade()),
                isTrue(e.mandatoryActivities()), isTrue(e.wheelchairAccessible()), isTrue(e.traffickingSpecialized()),
                String.join(",", languages), cultural, null, createdAt, now);
    }

    private static List<String> genders(List<String> values, String field, Checks checks) {
        if (values == null || values.isEmpty()) {
            checks.fail(field, FieldCode.NO_GENDER, "name at least one gender the program admits");
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            Gender gender = value == null ? null : checks.enumValue(field, value, Gender.class);
            if (value == null) {
                checks.fail(field, FieldCode.CONTAINS_NULL, "must not contain null");
            } else if (gender != null) {
                result.add(gender.name());
            }
        }
        return new ArrayList<>(result);
    }

    private static List<String> languages(List<String> values, String field, Checks checks) {
        if (values == null || values.isEmpty()) {
            return List.of("en");
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String code = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                checks.fail(field, FieldCode.BAD_LANGUAGE, "must be ISO 639 language codes such as en, fr, cr");
            } else {
                result.add(code);
            }
        }
        if (result.size() > MAX_LANGUAGES) {
            checks.fail(field, FieldCode.TOO_MANY, "must list at most " + MAX_LANGUAGES + " languages", Map.of("max", MAX_LANGUAGES));
        }
        return new ArrayList<>(result);
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
