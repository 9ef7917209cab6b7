package org.harbour.testdata;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A program request body with sensible defaults; change only what a test is about. */
public final class ProgramBuilder {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> eligibility = new LinkedHashMap<>();

    private ProgramBuilder() {
        body.put("name", "Women's emergency beds");
        body.put("type", "DV_SHELTER");
        body.put("population", "WOMEN");
        body.put("capacityType", "BED");
        body.put("capacity", 12);
        body.put("maxStayDays", 24);
        body.put("nightlyCost", null);
        eligibility.put("genders", List.of("WOMAN", "TRANS_WOMAN", "NON_BINARY"));
        eligibility.put("minAge", 16);
        eligibility.put("maxAge", null);
        eligibility.put("acceptsChildren", true);
        eligibility.put("acceptsPets", false);
        eligibility.put("substanceUse", "HARM_REDUCTION");
        eligibility.put("acceptsCurrentSexTrade", true);
        eligibility.put("mandatoryActivities", false);
        eligibility.put("wheelchairAccessible", true);
        eligibility.put("traffickingSpecialized", true);
        eligibility.put("languages", List.of("en", "fr"));
        eligibility.put("culturallySpecific", null);
    }

    public static ProgramBuilder defaultProgram() {
        return new ProgramBuilder();
    }

    public ProgramBuilder with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ProgramBuilder withEligibility(String field, Object value) {
        eligibility.put(field, value);
        return this;
    }

    public ProgramBuilder withCapacity(int capacity) {
        return with("capacity", capacity);
    }

    public Map<String, Object> build() {
        Map<String, Object> result = new HashMap<>(body);
        result.put("eligibility", new HashMap<>(eligibility));
        return result;
    }
}
