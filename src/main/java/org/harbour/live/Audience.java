package org.harbour.live;

import org.harbour.security.CurrentUser;
import org.harbour.security.Role;

import java.util.Objects;

/** Who may receive an event: the same people who could read it through the REST API. */
final class Audience {

    private Audience() {
    }

    static boolean mayReceive(CurrentUser user, LiveEvent event) {
        if (event.organizationId() != null) {
            return Objects.equals(user.organizationId(), event.organizationId());
        }
        if (event.type().startsWith("hold.") || event.type().startsWith("placement.")) {
            // funders see aggregates only, never the movement of one bed to one person
            return user.role() != Role.FUNDER;
        }
        return true;
    }
}
