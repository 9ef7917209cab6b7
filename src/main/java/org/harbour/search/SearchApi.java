package org.harbour.search;

import org.harbour.client.Needs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** What the search routes take and answer. */
public final class SearchApi {

    private SearchApi() {
    }

    @Serdeable
    record Request(@Nullable Long clientId, @Nullable String regionCode, @Nullable List<String> types,
                   @Nullable Needs needs, @Nullable Boolean admitNow) {
    }

    @Serdeable
    record Result(long id, List<Match> matches, boolean unmet, Instant createdAt) {
    }

    @Serdeable
    record Outcome(@Nullable String outcome, @Nullable Long programId) {
    }
}
