package dev.reservewatch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown resolves: to a file or folder that exists, and, with a
 * {@code #fragment}, to a heading of that file (GitHub's anchors: lower case, spaces as dashes, punctuation
 * dropped). Links to other sites are not checked: the build runs offline.
 */
class MarkdownLinksTest {

    private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            documents = files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.startsWith("./.git") && !p.toString().contains("/node_modules/")
                            && !p.toString().contains("/target/") && !p.startsWith("./target"))
                    .sorted().toList();
        }
        assertThat(documents).as("the project's Markdown files").isNotEmpty();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            String text = FENCE.matcher(Files.readString(document)).replaceAll("");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
                    continue; // another site, or mailto:
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String fragment = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(document + ": " + target + " (no such file)");
                } else if (fragment != null && !fragment.isEmpty() && Files.isRegularFile(resolved)
                        && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
                    broken.add(document + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    private static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(FENCE.matcher(Files.readString(document)).replaceAll(""));
        while (heading.find()) {
            String base = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[`*_]", "")
                    .replaceAll("[^\\p{L}\\p{N} -]", "").replace(' ', '-');
            String anchor = base;
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = base + "-" + n;
            }
        }
        return anchors;
    }
}
