package org.harbour.testdata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A facility request body: {@code defaultFacility().confidential(true).withProgram(defaultProgram()).build()}. */
public final class FacilityBuilder {

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<ProgramBuilder> programs = new ArrayList<>();

    private FacilityBuilder() {
        body.put("name", Fixtures.unique("Harbour House"));
        body.put("organization", "Harbour Society");
        body.put("regionCode", "ON-CENTRAL");
        body.put("municipality", "Toronto");
        body.put("timeZone", "America/Toronto");
        body.put("address", "12 Example St");
        body.put("confidential", false);
        body.put("intakePhone", "+1-416-555-0100");
        body.put("intakeHours", Map.of("alwaysOpen", true, "weekly", List.of()));
    }

    public static FacilityBuilder defaultFacility() {
        return new FacilityBuilder();
    }

    public FacilityBuilder with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public FacilityBuilder confidential(boolean confidential) {
        return with("confidential", confidential);
    }

    public FacilityBuilder withProgram(ProgramBuilder program) {
        programs.add(program);
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> result = new HashMap<>(body);
        result.put("programs", programs.stream().map(ProgramBuilder::build).toList());
        return result;
    }
}
