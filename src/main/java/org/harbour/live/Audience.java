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
        if (event.type() == null || event.type().audience() == EventType.Audience.NOBODY) {
            return false; // written by a newer version (nobody is known to be allowed), or the service's own news
        }
        if (event.type().audience() == EventType.Audience.ORGANIZATION_AND_FACILITY) {
            return (event.organizationId() != null && event.organizationId().equals(user.organizationId()))
                    || (user.role() == Role.SHELTER_STAFF && event.facilityId() != null
                        && user.facilityIds().contains(event.facilityId()));
        }
        if (event.organizationId() != null) {
            // whatever the type, an event naming an organization stays inside it
            return Objects.equals(user.organizationId(), event.organizationId());
        }
        return switch (event.type().audience()) {
            case EVERYONE -> true;
            case NOT_FUNDERS -> user.role() != Role.FUNDER;
            case ORGANIZATION, ORGANIZATION_AND_FACILITY, NOBODY -> false; // without its organization it reaches nobody
        };
    }
}
