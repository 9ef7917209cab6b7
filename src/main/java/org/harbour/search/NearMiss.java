package org.harbour.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A program that fails one or two conditions: the match's own fields (unwrapped, so the JSON is a match with
 * {@code reasons} added) and the reasons it was left out.
 */
@Serdeable
public record NearMiss(@JsonUnwrapped Match match, List<MissReason> reasons) {

    static NearMiss of(Match match, List<MissReason> reasons) {
        return new NearMiss(match, List.copyOf(reasons));
    }
}
