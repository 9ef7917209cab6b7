package org.harbour.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.harbour.client.Needs;

import java.time.Instant;
import java.util.List;

/** What the search routes take and answer. */
public final class SearchApi {

    private SearchApi() {
    }

    @Serdeable
    record Request(@Nullable Long clientId, @Nullable String regionCode, @Nullable List<String> types,
                   @Nullable Needs needs, @Nullable Boolean admitNow, @Nullable Integer limit,
                   @Nullable Boolean saveNeeds) {
    }

    /**
     * {@code matches}: the best {@code limit} of them (default 50); {@code totalMatches}: how many matched in all;
     * {@code nearMisses}: up to 10 programs that fail one or two conditions, fewest first.
     */
    @Serdeable
    record Result(long id, List<Match> matches, boolean unmet, Instant createdAt, int totalMatches,
                  List<NearMiss> nearMisses) {
    }

    @Serdeable
    record Outcome(@Nullable String outcome, @Nullable Long programId) {
    }
}
