package org.harbour.client;

import io.micronaut.json.JsonMapper;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.harbour.audit.AuditLog;
import org.harbour.client.ClientApi.ClientUpdate;
import org.harbour.client.ClientApi.ClientView;
import org.harbour.client.ClientApi.NewClient;
import org.harbour.facility.Gender;
import org.harbour.organization.Organizations;
import org.harbour.problem.FieldCode;
import org.harbour.problem.Checks;
import org.harbour.problem.ProblemException;
import org.harbour.security.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Pseudonymous clients, each owned by one organization (privacy rule 2). Any client another
 * organization owns is simply not found; every read and change is audited (rule 4).
 */
@Singleton
public class Clients {

    private final ClientRepository clients;
    private final Organizations organizations;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Clients(ClientRepository clients, Organizations organizations, AuditLog audit, JsonMapper json, Clock clock) {
        this.clients = clients;
        this.organizations = organizations;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    ClientView create(NewClient request, CurrentUser user) {
        Checks checks = new Checks();
        if (checks.required("alias", request.alias())) {
            checks.text("alias", request.alias(), 60);
        }
        int thisYear = Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
        checks.range("birthYear", request.birthYear(), thisYear - 110, thisYear);
        Gender gender = checks.enumValue("gender", request.gender(), Gender.class);
        Needs needs = NeedsRules.validate(request.needs(), "needs.", checks);
        Long organizationId = user.organizationId();
        if (user.isAdmin() && request.organization() != null && !request.organization().isBlank()
                && checks.text("organization", request.organization(), 200)) {
            organizationId = organizations.idFor(request.organization());
        }
        if (organizationId == null) {
            checks.fail("organization", FieldCode.ORGANIZATION_REQUIRED, "an ADMIN without an organization must name the client's organization");
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        Client saved = clients.save(new Client(null, organizationId, request.alias().trim(), request.birthYear(),
                gender == null ? null : gender.name(), toJson(needs), Boolean.TRUE.equals(request.consentToShare()),
                user.id(), now, now));
        audit.record(user, "CLIENT_CREATED", "CLIENT", saved.id());
        return view(saved);
    }

    /** Replaces what the edit gives (alias, birth year, gender, the whole needs), keeps the rest. */
    @Transactional
    ClientView update(long id, ClientUpdate request, CurrentUser user) {
        Client existing = owned(id, user);
        Checks checks = new Checks();
        if (request.alias() != null && checks.required("alias", request.alias().isBlank() ? null : request.alias())) {
            checks.text("alias", request.alias(), 60);
        }
        int thisYear = Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
        checks.range("birthYear", request.birthYear(), thisYear - 110, thisYear);
        Gender gender = checks.enumValue("gender", request.gender(), Gender.class);
        Needs needs = request.needs() == null ? null : NeedsRules.validate(request.needs(), "needs.", checks);
        checks.throwIfAny();
        Client updated = clients.update(new Client(existing.id(), existing.organizationId(),
                request.alias() != null ? request.alias().trim() : existing.alias(),
                request.birthYear() != null ? request.birthYear() : existing.birthYear(),
                gender != null ? gender.name() : existing.gender(),
                needs != null ? toJson(needs) : existing.needs(), existing.consentToShare(), existing.createdBy(),
                existing.createdAt(), clock.instant()));
        audit.record(user, "CLIENT_UPDATED", "CLIENT", id);
        return view(updated);
    }

    /**
     * Stores needs a caseworker just searched with ("save to client"); the caller has validated them. 404 for a
     * client of another organization, as everywhere.
     */
    @Transactional
    public void saveNeeds(long clientId, Needs needs, CurrentUser user) {
        Client existing = owned(clientId, user);
        clients.update(new Client(existing.id(), existing.organizationId(), existing.alias(), existing.birthYear(),
                existing.gender(), toJson(needs), existing.consentToShare(), existing.createdBy(), existing.createdAt(),
                clock.instant()));
        audit.record(user, "CLIENT_NEEDS_SAVED", "CLIENT", clientId);
    }

    /**
     * What a search or an offer should assume of her when nothing else is said: her stored needs, with her age
     * from her birth year and her gender from the client record where the needs name none (one rule, NeedsRules).
     */
    public Needs effectiveNeeds(Client client) {
        return NeedsRules.ofClient(needsOf(client), client, Year.now(clock.withZone(ZoneOffset.UTC)).getValue());
    }

    /** Her effective needs by id, for the service's own decisions (a waitlist offer); empty if she is gone. */
    @Transactional
    public Optional<Needs> effectiveNeedsOf(long clientId) {
        return clients.findById(clientId).map(this::effectiveNeeds);
    }

    @Transactional
    ClientView read(long id, CurrentUser user) {
        Client client = owned(id, user);
        audit.record(user, "CLIENT_READ", "CLIENT", id);
        return view(client);
    }

    @Transactional
    List<ClientView> list(CurrentUser user) {
        List<Client> visible = user.isAdmin() ? clients.findAllOrderById()
                : user.organizationId() == null ? List.of() : clients.findByOrganizationIdOrderById(user.organizationId());
        audit.record(user, "CLIENT_LIST", "CLIENT", null);
        return visible.stream().map(this::view).toList();
    }

    /** The client by id, for the service's own steps (a check-in at the door); callers have authorized the act. */
    @Transactional
    public Optional<Client> byId(long clientId) {
        return clients.findById(clientId);
    }

    /**
     * The client if the caller's organization owns it (ADMIN: any); otherwise 404, never 403. One read: in the
     * caller's transaction when there is one, else in autocommit (a hold reads her before its transaction).
     */
    @Connectable
    public Client owned(long id, CurrentUser user) {
        return clients.findById(id)
                .filter(c -> user.isAdmin() || (user.organizationId() != null && user.organizationId() == c.organizationId()))
                .orElseThrow(() -> ProblemException.notFound("Client"));
    }

    public Needs needsOf(Client client) {
        try {
            return json.readValue(client.needs(), Needs.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClientView view(Client c) {
        return new ClientView(c.id(), c.alias(), c.birthYear(), c.gender(), needsOf(c), c.consentToShare(), c.createdAt());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
