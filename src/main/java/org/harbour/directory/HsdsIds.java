package org.harbour.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * HSDS 3 ids are UUIDs. Harbour's are numbers, so each HSDS id is a name-based UUID (RFC 4122 version 3) of
 * "harbour:kind:number": the same object keeps the same id from one export to the next, which is how a directory
 * updates a listing instead of adding a second one.
 */
final class HsdsIds {

    private HsdsIds() {
    }

    static String of(String kind, Object key) {
        return UUID.nameUUIDFromBytes(("harbour:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
