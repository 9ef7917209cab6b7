package org.harbour.facility;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.availability.AvailabilityLedger;
import org.harbour.facility.FacilityApi.FacilityRequest;
import org.harbour.facility.FacilityApi.FacilityView;
import org.harbour.facility.FacilityApi.ProgramRequest;
import org.harbour.facility.FacilityApi.ProgramView;
import org.harbour.organization.Organizations;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Creates and changes facilities and their programs; shapes them for each caller (privacy rule 1). */
@Singleton
public class Facilities {

    private final FacilityRepository facilities;
    private final ProgramRepository programs;
    private final Organizations organizations;
    private final FacilityRules rules;
    private final AvailabilityLedger ledger;
    private final Clock clock;
    private final AuditLog audit;

    Facilities(FacilityRepository facilities, ProgramRepository programs, Organizations organizations,
               FacilityRules rules, AvailabilityLedger ledger, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.facilities = facilities;
        this.programs = programs;
        this.organizations = organizations;
        this.rules = rules;
        this.ledger = ledger;
        this.clock = clock;
    }

    public boolean exists(long facilityId) {
        return facilities.existsById(facilityId);
    }

    @Transactional
    FacilityView create(FacilityRequest request, CurrentUser by) {
        Checks checks = new Checks();
        Instant now = clock.instant();
        Facility draft = rules.toFacility(request, null, now, checks);
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
        Facility changed = rules.toFacility(request, existing, clock.instant(), checks);
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
                throw ProblemException.invalid("capacity", FieldCode.TOO_SMALL, "must be at least available + outOfService ("
                        + inUse + "); update the counts first", Map.of("min", inUse));
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

    private FacilityView view(Facility f, CurrentUser viewer) {
        return view(f, programs.findByFacilityIdOrderById(f.id()),
                organizations.findNameById(f.organizationId()).orElse(null), viewer);
    }

    private FacilityView view(Facility f, List<Program> facilityPrograms, String organization, CurrentUser viewer) {
        String address = !f.confidential() || viewer.maySeeAddressOf(f.id()) ? f.address() : null;
        return new FacilityView(f.id(), f.name(), organization, f.regionCode(), f.municipality(), f.timeZone(),
                address, f.confidential(), f.intakePhone(), rules.intakeHoursOf(f),
                facilityPrograms.stream().map(ProgramView::of).toList());
    }

    private Map<Long, String> organizationNames() {
        return organizations.findAll().stream()
                .collect(Collectors.toMap(o -> o.id(), o -> o.name(), (a, b) -> a));
    }
}
