package dev.reservewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The service's settings are written once, in their {@code @ConfigMapping} interfaces (name, default and
 * Javadoc); the table in docs/operations.md is generated from them and this test fails when it differs.
 * Regenerate it with {@code ./mvnw test -Dtest=ConfigDocTest -Dconfig-doc.write=true}.
 */
class ConfigDocTest {

    static final Path SOURCES = Path.of("src/main/java/dev/reservewatch/config");
    static final Path DOC = Path.of("docs/operations.md");
    static final String START = "<!-- config:start (generated from the @ConfigMapping interfaces by ConfigDocTest; do not edit) -->";
    static final String END = "<!-- config:end -->";

    private static final Pattern PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern MEMBER = Pattern.compile(
            "(?s)(/\\*\\*(.*?)\\*/\\s*)?((?:@\\w+(?:\\([^)]*\\))?\\s*)*)([\\w<>.?, ]+?)\\s+(\\w+)\\(\\);");
    private static final Pattern NESTED = Pattern.compile("(?s)\\n    interface (\\w+) \\{(.*?)\\n    }");
    private static final Pattern DEFAULT = Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)");

    record Setting(String property, String defaultValue, String meaning) {
    }

    @Test
    void theOperationsGuideListsEverySettingAsTheCodeDefinesIt() throws IOException {
        String table = table(settings());
        String doc = Files.readString(DOC);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("%s holds the marker %s", DOC, START).isNotNegative();
        assertThat(end).as("%s holds the marker %s", DOC, END).isGreaterThan(start);
        String generated = START + "\n" + table + END;
        if (Boolean.getBoolean("config-doc.write")) {
            Files.writeString(DOC, doc.substring(0, start) + generated + doc.substring(end + END.length()));
            return;
        }
        assertThat(doc.substring(start, end + END.length())).as("the settings table in %s is out of date: run "
                + "./mvnw test -Dtest=ConfigDocTest -Dconfig-doc.write=true", DOC).isEqualTo(generated);
    }

    static List<Setting> settings() throws IOException {
        List<Setting> settings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(SOURCES)) {
            files = list.filter(p -> p.toString().endsWith("Config.java")).sorted().toList();
        }
        for (Path file : files) {
            String source = Files.readString(file);
            Matcher prefix = PREFIX.matcher(source);
            if (!prefix.find()) {
                continue;
            }
            Map<String, String> nested = new LinkedHashMap<>();
            Matcher group = NESTED.matcher(source);
            while (group.find()) {
                nested.put(group.group(1), group.group(2));
            }
            String top = source;
            for (String body : nested.values()) {
                top = top.replace(body, "");
            }
            collect(top.substring(top.indexOf('{', prefix.end())), prefix.group(1), nested, settings);
        }
        return settings;
    }

    private static void collect(String body, String prefix, Map<String, String> nested, List<Setting> into) {
        Matcher member = MEMBER.matcher(body);
        while (member.find()) {
            String type = member.group(4).strip();
            String name = kebab(member.group(5));
            if (type.startsWith("interface") || type.contains("class")) {
                continue;
            }
            if (nested.containsKey(type)) {
                collect(nested.get(type), prefix + "." + name, nested, into);
                continue;
            }
            Matcher defaultValue = DEFAULT.matcher(member.group(3));
            into.add(new Setting(prefix + "." + name, defaultValue.find() ? defaultValue.group(1) : null,
                    prose(member.group(2))));
        }
    }

    static String table(List<Setting> settings) {
        StringBuilder table = new StringBuilder("| setting | environment variable | default | meaning |\n| --- | --- | --- | --- |\n");
        for (Setting setting : settings) {
            table.append("| `").append(setting.property()).append("` | `").append(environment(setting.property()))
                    .append("` | ").append(setting.defaultValue() == null ? "unset" : "`" + setting.defaultValue() + "`")
                    .append(" | ").append(setting.meaning()).append(" |\n");
        }
        return table.toString();
    }

    private static String environment(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A Javadoc comment as one line of Markdown: {@code x} as `x`, the stars and line breaks gone. */
    private static String prose(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = javadoc.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ").strip();
        return code(code(text, "{@code "), "{@link ").replace("|", "\\|");
    }

    /** Each inline tag that starts with {@code tag} as `its text`, its braces matched. */
    private static String code(String text, String tag) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, from)) {
            int depth = 1;
            int end = at + tag.length();
            for (; end < text.length() && depth > 0; end++) {
                depth += text.charAt(end) == '{' ? 1 : text.charAt(end) == '}' ? -1 : 0;
            }
            String inner = text.substring(at + tag.length(), end - 1);
            out.append(text, from, at).append('`').append(inner.substring(inner.lastIndexOf('#') + 1)).append('`');
            from = end;
        }
        return out.append(text.substring(from)).toString();
    }
}
