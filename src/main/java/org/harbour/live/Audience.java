package org.harbour.live;

import org.harbour.event.EventType;
import org.harbour.security.CurrentUser;
import org.harbour.security.Role;

import java.util.Objects;

/** Who may receive an event: its type's audience (the same people who could read it through the REST API). */
final class Audience {

    private Audience() {
    }

    static boolean mayReceive(CurrentUser user, LiveEvent event) {
        if (event.type() == null) {
            return false; // written by a newer version: nobody is known to be allowed
        }
        return switch (event.type().audience()) {
            case NOBODY -> false; // the service's own news
            case EVERYONE -> insideItsOrganization(user, event);
            case NOT_FUNDERS -> user.role() != Role.FUNDER && insideItsOrganization(user, event);
            case ORGANIZATION -> caseworkOf(user, event);
            // the door's news: the hold's organization, and the staff of the facility it happened at
            case ORGANIZATION_AND_FACILITY -> caseworkOf(user, event)
                    || (user.role() == Role.SHELTER_STAFF && event.facilityId() != null
                        && user.facilityIds().contains(event.facilityId()));
        };
    }

    /** Whatever the type, an event naming an organization stays inside it. */
    private static boolean insideItsOrganization(CurrentUser user, LiveEvent event) {
        return event.organizationId() == null || Objects.equals(user.organizationId(), event.organizationId());
    }

    /**
     * An organization's own news (its offers, its placements ending, its holds at the door) is for the people who
     * do its casework: its CASEWORKER and ADMIN users. Its FUNDER and SHELTER_STAFF users read none of it over
     * REST, so they get none of it here. Without an organization it reaches nobody.
     */
    private static boolean caseworkOf(CurrentUser user, LiveEvent event) {
        return event.organizationId() != null && event.organizationId().equals(user.organizationId())
                && (user.role() == Role.CASEWORKER || user.role() == Role.ADMIN);
    }
}
