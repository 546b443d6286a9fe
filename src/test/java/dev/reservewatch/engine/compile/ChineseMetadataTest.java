package dev.reservewatch.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.reservewatch.engine.ruleset.RuleFile;

/**
 * Rule files reach Drools as UTF-8 whatever the platform's charset: a rule's Chinese text ({@code @zh}) comes out of
 * the compiled rules exactly as written, also on a JVM whose default charset is not UTF-8 (a container without a
 * locale).
 */
class ChineseMetadataTest {

    static final String TEXT = "隔夜回购最高成交利率达{$high:%}，高出目标区间上限{observed}（警戒线为{threshold}），“引号”、"
            + "2190亿美元";

    static final String DRL = """
            package rules;
            import dev.reservewatch.model.*;

            rule "Repo above the ceiling"
                @zh("%s")
            when
                Market( $high : repoRateHighPct, repoAboveCeilingBp > 0 )
            then
                insert(new Signal("REPO_ABOVE_CEILING", Severity.HIGH, "repoAboveCeilingBp", 1.0, 0.0, "bp", "x"));
            end
            """.formatted(TEXT);

    @Test
    void keepsChineseMetadataIntact() {
        assertThat(compiledText()).isEqualTo(TEXT);
    }

    @Test
    void keepsChineseMetadataIntactUnderANonUtf8DefaultCharset() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Dfile.encoding=ISO-8859-1", "-Dsun.jnu.encoding=ISO-8859-1",
                "-cp", System.getProperty("java.class.path"), ChineseMetadataTest.class.getName())
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = new String(out, StandardCharsets.US_ASCII).strip();
        assertThat(printed).startsWith("ISO-8859-1 ");
        assertThat(printed.substring("ISO-8859-1 ".length())).isEqualTo(escaped(TEXT));
    }

    static String compiledText() {
        Compilation compilation = new RulesetCompiler().compile(List.of(new RuleFile("repo.drl", DRL)));
        if (!compilation.succeeded()) {
            throw new AssertionError(compilation.errors().toString());
        }
        return (String) compilation.ruleset().rules().get("Repo above the ceiling").metadata().get("zh");
    }

    /** The text as ASCII: each character outside it as a Java escape. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 128 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }

    /** Run in a JVM of its own: prints its default charset and the compiled rule's Chinese text, escaped. */
    public static void main(String[] args) {
        System.out.println(java.nio.charset.Charset.defaultCharset() + " " + escaped(compiledText()));
        System.exit(0);
    }
}
