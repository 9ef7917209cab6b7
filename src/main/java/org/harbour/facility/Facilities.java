package org.harbour.facility;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.availability.AvailabilityLedger;
import org.harbour.facility.FacilityRequests.FacilityRequest;
import org.harbour.facility.FacilityRequests.IntakeHoursRequest;
import org.harbour.facility.FacilityRequests.ProgramRequest;
import org.harbour.facility.FacilityRequests.WindowRequest;
import org.harbour.facility.FacilityViews.FacilityView;
import org.harbour.facility.FacilityViews.ProgramView;
import org.harbour.audit.AuditLog;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.region.RegionRepository;
import org.harbour.security.CurrentUser;
import org.harbour.security.Organizations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates and changes facilities and their programs; shapes them for each caller (privacy rule 1). */
@Singleton
public class Facilities {

    private final FacilityRepository facilities;
    private final ProgramRepository programs;
    private final Organizations organizations;
    private final RegionRepository regions;
    private final AvailabilityLedger ledger;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog audit;

    Facilities(FacilityRepository facilities, ProgramRepository programs, Organizations organizations,
               RegionRepository regions, AvailabilityLedger ledger, JsonMapper json, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.facilities = facilities;
        this.programs = programs;
        this.organizations = organizations;
        this.regions = regions;
        this.ledger = ledger;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    FacilityView create(FacilityRequest request, CurrentUser by) {
        Checks checks = new Checks();
        Instant now = clock.instant();
        Facility draft = toFacility(request, null, now, checks);
        List<ProgramRequest> programRequests = request.programs() == null ? List.of() : request.programs();
        List<Program> drafts = new ArrayList<>();
        for (int i = 0; i < programRequests.size(); i++) {
            drafts.add(ProgramRules.toProgram(programRequests.get(i), "programs[" + i + "].", checks, 0, null, now, now));
        }
        checks.throwIfAny();
        Facility saved = facilities.save(draft);
        for (Program program : drafts) {
            saveProgram(program, saved.id(), by);
        }
        audit.record(by, "FACILITY_CREATED", "FACILITY", saved.id());
        return view(saved, by);
    }

    @Transactional
    FacilityView update(long id, FacilityRequest request, CurrentUser by) {
        Facility existing = facilities.findById(id).orElseThrow(() -> ProblemException.notFound("Facility"));
        Checks checks = new Checks();
        Facility changed = toFacility(request, existing, clock.instant(), checks);
        checks.throwIfAny();
        facilities.update(changed);
        audit.record(by, "FACILITY_UPDATED", "FACILITY", id);
        return view(changed, by);
    }

    @Transactional
    ProgramView addProgram(long facilityId, ProgramRequest request, CurrentUser by) {
        facilities.findById(facilityId).orElseThrow(() -> ProblemException.notFound("Facility"));
        Checks checks = new Checks();
        Instant now = clock.instant();
        Program draft = ProgramRules.toProgram(request, "", checks, facilityId, null, now, now);
        checks.throwIfAny();
        Program saved = saveProgram(draft, facilityId, by);
        audit.record(by, "PROGRAM_CREATED", "PROGRAM", saved.id());
        return ProgramView.of(saved);
    }

    @Transactional
    ProgramView updateProgram(long programId, ProgramRequest request, CurrentUser by) {
        Program existing = programs.findById(programId).orElseThrow(() -> ProblemException.notFound("Program"));
        Checks checks = new Checks();
        Program changed = ProgramRules.toProgram(request, "", checks, existing.facilityId(), programId,
                existing.createdAt(), clock.instant());
        checks.throwIfAny();
        Program updated = programs.update(withExternalRef(changed, existing.externalRef()));
        audit.record(by, "PROGRAM_UPDATED", "PROGRAM", programId);
        if (updated.capacity() != existing.capacity()) {
            var counts = ledger.capacityChanged(programId, by.username());
            if (counts.isPresent() && counts.get().available() + counts.get().outOfService() > updated.capacity()) {
                int inUse = counts.get().available() + counts.get().outOfService();
                throw ProblemException.invalid("capacity", "must be at least available + outOfService ("
                        + inUse + "); update the counts first");
            }
        }
        return ProgramView.of(updated);
    }

    FacilityView find(long id, CurrentUser viewer) {
        return view(facilities.findById(id).orElseThrow(() -> ProblemException.notFound("Facility")), viewer);
    }

    List<FacilityView> list(CurrentUser viewer) {
        Map<Long, List<Program>> byFacility = programs.findAllOrderById().stream()
                .collect(Collectors.groupingBy(Program::facilityId));
        Map<Long, String> names = organizationNames();
        return facilities.findAllOrderByName().stream()
                .map(f -> view(f, byFacility.getOrDefault(f.id(), List.of()), names.get(f.organizationId()), viewer))
                .toList();
    }


    private Program saveProgram(Program draft, long facilityId, CurrentUser by) {
        Program saved = programs.save(new Program(null, facilityId, draft.name(), draft.type(), draft.population(),
                draft.capacityType(), draft.capacity(), draft.maxStayDays(), draft.nightlyCost(), draft.genders(),
                draft.minAge(), draft.maxAge(), draft.acceptsChildren(), draft.acceptsPets(), draft.substanceUse(),
                draft.acceptsCurrentSexTrade(), draft.mandatoryActivities(), draft.wheelchairAccessible(),
                draft.traffickingSpecialized(), draft.languages(), draft.culturallySpecific(), draft.externalRef(),
                draft.createdAt(), draft.updatedAt()));
        ledger.open(saved.id(), by.username());
        return saved;
    }

    private static Program withExternalRef(Program p, String externalRef) {
        return new Program(p.id(), p.facilityId(), p.name(), p.type(), p.population(), p.capacityType(), p.capacity(),
                p.maxStayDays(), p.nightlyCost(), p.genders(), p.minAge(), p.maxAge(), p.acceptsChildren(),
                p.acceptsPets(), p.substanceUse(), p.acceptsCurrentSexTrade(), p.mandatoryActivities(),
                p.wheelchairAccessible(), p.traffickingSpecialized(), p.languages(), p.culturallySpecific(),
                externalRef, p.createdAt(), p.updatedAt());
    }

    private Facility toFacility(FacilityRequest r, Facility existing, Instant now, Checks checks) {
        checks.required("name", r.name());
        checks.maxLength("name", r.name(), 200);
        checks.required("organization", r.organization());
        checks.maxLength("organization", r.organization(), 200);
        checks.required("municipality", r.municipality());
        checks.maxLength("municipality", r.municipality(), 100);
        checks.maxLength("address", r.address(), 300);
        checks.maxLength("intakePhone", r.intakePhone(), 40);
        var region = checks.required("regionCode", r.regionCode())
                ? regions.findByCode(r.regionCode().trim().toUpperCase(Locale.ROOT)).orElse(null) : null;
        if (r.regionCode() != null && region == null) {
            checks.fail("regionCode", "unknown region; see GET /api/regions");
        }
        String zone = r.timeZone() != null ? r.timeZone().trim() : region != null ? region.timeZone() : null;
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                checks.fail("timeZone", "must be an IANA time zone such as America/Toronto");
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
                checks.fail(field + ".day", "is required");
            } else if (day != null && open != null && close != null) {
                windows.add(new IntakeHours.Window(day, open, close));
            }
        }
        return IntakeHours.of(alwaysOpen, windows);
    }

    private static String time(String value, String field, Checks checks) {
        if (value == null) {
            checks.fail(field, "is required");
            return null;
        }
        try {
            return LocalTime.parse(value.trim()).toString();
        } catch (DateTimeParseException e) {
            checks.fail(field, "must be a time such as 09:00");
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

    private FacilityView view(Facility f, CurrentUser viewer) {
        return view(f, programs.findByFacilityIdOrderById(f.id()),
                organizations.findNameById(f.organizationId()).orElse(null), viewer);
    }

    private FacilityView view(Facility f, List<Program> facilityPrograms, String organization, CurrentUser viewer) {
        String address = !f.confidential() || viewer.maySeeAddressOf(f.id()) ? f.address() : null;
        return new FacilityView(f.id(), f.name(), organization, f.regionCode(), f.municipality(), f.timeZone(),
                address, f.confidential(), f.intakePhone(), intakeHoursOf(f),
                facilityPrograms.stream().map(ProgramView::of).toList());
    }

    private Map<Long, String> organizationNames() {
        return organizations.findAll().stream()
                .collect(Collectors.toMap(o -> o.id(), o -> o.name(), (a, b) -> a));
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
