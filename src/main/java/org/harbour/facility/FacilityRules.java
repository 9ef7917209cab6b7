package org.harbour.facility;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.harbour.facility.FacilityApi.FacilityRequest;
import org.harbour.facility.FacilityApi.IntakeHoursRequest;
import org.harbour.facility.FacilityApi.WindowRequest;
import org.harbour.organization.Organizations;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.region.KnownRegions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A facility as a request describes it, checked field by field (as {@link ProgramRules} does for programs). */
@Singleton
class FacilityRules {

    private final KnownRegions regions;
    private final Organizations organizations;
    private final JsonMapper json;

    FacilityRules(KnownRegions regions, Organizations organizations, JsonMapper json) {
        this.regions = regions;
        this.organizations = organizations;
        this.json = json;
    }

    Facility toFacility(FacilityRequest r, Facility existing, Instant now, Checks checks) {
        checks.required("name", r.name());
        checks.text("name", r.name(), 200);
        checks.required("organization", r.organization());
        checks.text("organization", r.organization(), 200);
        checks.required("municipality", r.municipality());
        checks.text("municipality", r.municipality(), 100);
        checks.text("address", r.address(), 300);
        checks.text("intakePhone", r.intakePhone(), 40);
        var region = checks.required("regionCode", r.regionCode())
                ? regions.find(r.regionCode().trim().toUpperCase(Locale.ROOT)).orElse(null) : null;
        if (r.regionCode() != null && region == null) {
            checks.fail("regionCode", FieldCode.UNKNOWN_REGION, "unknown region; see GET /api/regions");
        }
        String zone = r.timeZone() != null ? r.timeZone().trim() : region != null ? region.timeZone() : null;
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                checks.fail("timeZone", FieldCode.BAD_TIME_ZONE, "must be an IANA time zone such as America/Toronto");
            }
        }
        IntakeHours hours = intakeHours(r.intakeHours(), checks);
        if (!checks.ok()) {
            return null;
        }
        long organizationId = organizations.idFor(r.organization());
        return new Facility(existing == null ? null : existing.id(), r.name().trim(), organizationId, region.code(),
                r.municipality().trim(), zone, blankToNull(r.address()), Boolean.TRUE.equals(r.confidential()),
                blankToNull(r.intakePhone()), hours.alwaysOpen(), hours.alwaysOpen() ? null : toJson(hours.weekly()),
                existing == null ? null : existing.externalRef(), existing == null ? now : existing.createdAt(), now);
    }

    private static IntakeHours intakeHours(IntakeHoursRequest r, Checks checks) {
        if (r == null) {
            return IntakeHours.ALWAYS;
        }
        boolean alwaysOpen = r.alwaysOpen() != null ? r.alwaysOpen() : (r.weekly() == null || r.weekly().isEmpty());
        List<IntakeHours.Window> windows = new ArrayList<>();
        List<WindowRequest> weekly = r.weekly() == null ? List.of() : r.weekly();
        for (int i = 0; i < weekly.size(); i++) {
            WindowRequest w = weekly.get(i);
            String field = "intakeHours.weekly[" + i + "]";
            DayOfWeek day = w == null || w.day() == null ? null : checks.enumValue(field + ".day", w.day(), DayOfWeek.class);
            String open = time(w == null ? null : w.open(), field + ".open", checks);
            String close = time(w == null ? null : w.close(), field + ".close", checks);
            if (w == null || w.day() == null) {
                checks.fail(field + ".day", FieldCode.REQUIRED, "is required");
            } else if (day != null && open != null && close != null) {
                windows.add(new IntakeHours.Window(day, open, close));
            }
        }
        return IntakeHours.of(alwaysOpen, windows);
    }

    private static String time(String value, String field, Checks checks) {
        if (value == null) {
            checks.fail(field, FieldCode.REQUIRED, "is required");
            return null;
        }
        try {
            return LocalTime.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            checks.fail(field, FieldCode.BAD_TIME, "must be a time such as 09:00");
            return null;
        }
    }

    IntakeHours intakeHoursOf(Facility f) {
        if (f.intakeAlwaysOpen() || f.intakeWeekly() == null) {
            return IntakeHours.ALWAYS;
        }
        try {
            return IntakeHours.of(false, List.of(json.readValue(f.intakeWeekly(), IntakeHours.Window[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
