package org.harbour.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event Harbour publishes, with its name on the wire (API.md "Live updates") and who may receive it:
 * the same people who could read it through the REST API. Live delivery switches on the audience.
 */
public enum EventType {
    AVAILABILITY_CHANGED("availability.changed", Audience.EVERYONE),
    HOLD_CREATED("hold.created", Audience.NOT_FUNDERS),
    HOLD_RELEASED("hold.released", Audience.NOT_FUNDERS),
    PLACEMENT_STARTED("placement.started", Audience.NOT_FUNDERS),
    PLACEMENT_ENDED("placement.ended", Audience.NOT_FUNDERS),
    PLACEMENT_ENDING("placement.ending", Audience.ORGANIZATION),
    WAITLIST_OFFERED("waitlist.offered", Audience.ORGANIZATION),
    HOLD_ARRIVED("hold.arrived", Audience.ORGANIZATION_AND_FACILITY),
    HOLD_DECLINED("hold.declined", Audience.ORGANIZATION_AND_FACILITY),
    HOLD_NO_SHOW("hold.no-show", Audience.ORGANIZATION_AND_FACILITY),
    /**
     * An account was disabled, changed or had its password reset: every instance forgets what it cached of the user
     * and closes her sockets (payload {@code {"userId","username"}}). It reaches no socket.
     */
    USER_CHANGED("user.changed", Audience.NOBODY);

    /** Who may receive an event. */
    public enum Audience {
        /** every signed-in user: counts are not personal data */
        EVERYONE,
        /** everyone but funders: funders see aggregates only, never the movement of one bed to one person */
        NOT_FUNDERS,
        /** the users of the organization the event names, and nobody else */
        ORGANIZATION,
        /** the organization the event names, and the staff of the facility it happened at (the door's news) */
        ORGANIZATION_AND_FACILITY,
        /** the service's own news between its instances, never sent to anyone */
        NOBODY
    }

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final Audience audience;

    EventType(String wireName, Audience audience) {
        this.wireName = wireName;
        this.audience = audience;
    }

    /** The message's {@code type} as clients see it and the events table stores it. */
    public String wireName() {
        return wireName;
    }

    public Audience audience() {
        return audience;
    }

    /** The type a stored event names; empty for a name this version does not know (delivered to nobody). */
    public static Optional<EventType> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
