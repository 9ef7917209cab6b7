package org.harbour.region;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a region code exists, without a database round trip on every bed request. Regions are
 * reference data written only by migrations, so a code found once is remembered (for a while, in
 * case one is removed by hand); a code not found is asked again every time, so a region added by
 * hand is accepted at once.
 */
@Singleton
public class KnownRegions {

    private final RegionRepository regions;
    private final Cache<String, Boolean> found = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    KnownRegions(RegionRepository regions) {
        this.regions = regions;
    }

    /** The region itself (its time zone, names), read from the database each time. */
    public Optional<Region> find(String code) {
        return regions.findByCode(code);
    }

    public boolean exists(String code) {
        if (found.getIfPresent(code) != null) {
            return true;
        }
        boolean exists = regions.findByCode(code).isPresent();
        if (exists) {
            found.put(code, Boolean.TRUE);
        }
        return exists;
    }
}
