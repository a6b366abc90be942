package no.helsefellesskap.runtime.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * 1.5 for a whole number is refused (400 naming the field) rather than silently cut to 1; a key given twice in one
 * object is refused rather than the last one silently winning; a number is not taken for a date.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // a date is a date: 17 is not read as 17 days after 1970-01-01
        for (Class<?> time : new Class<?>[] {java.time.LocalDate.class, java.time.Instant.class,
                java.time.OffsetDateTime.class, java.time.LocalDateTime.class}) {
            mapper.configOverride(time).setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false));
        }
    }
}
