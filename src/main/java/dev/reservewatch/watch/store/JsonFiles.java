package dev.reservewatch.watch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The watch's state files: JSON, written atomically, read back leniently (a newer field is ignored). */
public final class JsonFiles {

    private static final Logger LOG = Logger.getLogger(JsonFiles.class);

    /** Dates and instants as ISO text; unknown fields ignored, so that a newer file still reads. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private JsonFiles() {
    }

    public static void write(Path file, Object value) {
        try {
            AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file.getFileName(), e);
        }
    }

    /** The file's content, or empty when there is none; a file that does not parse is reported and taken as absent. */
    public static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.warnf("%s is unreadable (%s): starting from an empty state", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }
}
