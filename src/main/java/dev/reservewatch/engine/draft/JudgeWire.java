package dev.reservewatch.engine.draft;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * What the service and a draft's judge ({@link JudgeMain}) say to each other over the judge's stdin and stdout:
 * frames of a 4-byte length and that many bytes of JSON, one {@link DraftJudge.Request} and one
 * {@link DraftJudge.Answer} at a time.
 * An answer larger than {@link #MAX_ANSWER_BYTES} is a broken judge, not a big answer.
 */
final class JudgeWire {

    /** Far above any answer (10,000 points' codes are about 2 MB). */
    static final int MAX_ANSWER_BYTES = 64 << 20;

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private JudgeWire() {
    }

    static void write(DataOutputStream out, Object message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(message);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** The next message, or null at the end of the stream. */
    static <T> T read(DataInputStream in, Class<T> type, int maxBytes) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > maxBytes) {
            throw new IOException("a frame of " + length + " bytes (at most " + maxBytes + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return JSON.readValue(bytes, type);
    }
}
