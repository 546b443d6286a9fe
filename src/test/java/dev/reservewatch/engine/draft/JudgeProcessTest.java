package dev.reservewatch.engine.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What a draft's judge is started with, and the frames it answers in. */
class JudgeProcessTest {

    @Test
    void aJudgeGetsNoTokenNoKeyAndNoJvmOptionsOfTheService() {
        Map<String, String> service = Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8", "RULES_ADMIN_TOKEN", "secret",
                "RULES_AUTHOR_TOKEN", "secret", "WATCH_FRED_API_KEY", "key", "JAVA_TOOL_OPTIONS", "-Xmx9g",
                "JDK_JAVA_OPTIONS", "-Xmx9g", "HOME", "/home/service");
        assertThat(JudgeProcess.environment(service, "/tmp"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/bin", "LANG", "C.UTF-8", "HOME", "/tmp"));
    }

    @Test
    void anAnswerLargerThanTheLimitIsABrokenJudge() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(JudgeWire.MAX_ANSWER_BYTES + 1);
        assertThatThrownBy(() -> JudgeWire.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                DraftJudge.Answer.class, JudgeWire.MAX_ANSWER_BYTES)).isInstanceOf(IOException.class)
                .hasMessageContaining("at most");
        assertThat(JudgeWire.read(new DataInputStream(new ByteArrayInputStream(new byte[0])), DraftJudge.Answer.class,
                JudgeWire.MAX_ANSWER_BYTES)).as("the end of the stream").isNull();
    }
}
