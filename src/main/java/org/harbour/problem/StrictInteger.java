package org.harbour.problem;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads only a JSON whole number that fits an int, or null. The default cuts 2.9 beds down to 2 and
 * reads true as 1 and "12" as 12; a count of the wrong type must be a 400 instead.
 * Use on a property: {@code @Serdeable.Deserializable(using = StrictInteger.class)}.
 */
@Singleton
public final class StrictInteger implements Deserializer<Integer> {

    @Override
    public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        throw decoder.createDeserializationException("Expected a whole number from "
                + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value);
    }

    @Override
    public Integer deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
