package org.harbour.problem;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads only JSON true, false or null. The default reads "yes" as false and 1 as true, so a facility
 * sent with "confidential": "yes" would publish its address; a wrong type must be a 400 instead.
 * Use on a property: {@code @Serdeable.Deserializable(using = StrictBoolean.class)}.
 */
@Singleton
public final class StrictBoolean implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Boolean b) {
            return b;
        }
        throw decoder.createDeserializationException("Expected true or false", value);
    }

    @Override
    public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
