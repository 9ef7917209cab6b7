package org.harbour.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.harbour.client.Client;
import org.harbour.client.Clients;
import org.harbour.client.Needs;
import org.harbour.hold.HoldApi.IntakeFacts;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the door will be told of the person a hold is for, instead of her name: the intake facts of her needs as they
 * stand when the bed is held, kept with the hold (a later edit of her needs does not rewrite what the shelter saw).
 */
@Singleton
class IntakeFactsRecorder {

    private final Clients clients;
    private final JsonMapper json;

    IntakeFactsRecorder(Clients clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    /** The facts as stored JSON; null for a hold that names nobody. Reads nothing: her record is at hand. */
    @Nullable
    String of(@Nullable Client client) {
        if (client == null) {
            return null;
        }
        Needs needs = clients.effectiveNeeds(client);
        try {
            return json.writeValueAsString(new IntakeFacts(needs.gender(), needs.age(), needs.children(), needs.pets(),
                    needs.substanceUse(), needs.wheelchair(), needs.language()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
