package dev.reservewatch.engine.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The contents of a rules folder: its {@code *.drl} files and {@code scenarios/*.json}. Anything else
 * (READMEs, a kustomization.yaml, the {@code ..data} links of a Kubernetes ConfigMap volume) is ignored.
 * Symlinks are followed, so the ConfigMap layout reads like a plain folder, but only within the folder: a
 * file whose real path lies outside the folder's real path is refused, and so is a folder with more files,
 * or a file larger, than its {@link Limits}. A refusal is a {@link RulesFolderException} that names the
 * file by its name in the folder, never by a path on the machine.
 */
public record RuleSource(List<RuleFile> ruleFiles, Map<String, byte[]> scenarios) {

    /** How many rule files (and, apart, scenario files) a folder may hold, and how large each may be. */
    public record Limits(int maxFiles, long maxFileBytes) {
        /** The defaults of {@code rules.max-files} and {@code rules.max-file-size}. */
        public static final Limits DEFAULT = new Limits(200, 1024 * 1024);
    }

    /** A rules folder that cannot be taken as it is: the message names files by their names in the folder. */
    public static final class RulesFolderException extends IOException {
        public RulesFolderException(String message) {
            super(message);
        }
    }

    public static RuleSource read(Path dir) throws IOException {
        return read(dir, Limits.DEFAULT);
    }

    public static RuleSource read(Path dir, Limits limits) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.getFileName() == null ? "/" : dir.getFileName().toString(), null,
                    "the rules folder does not exist");
        }
        Path root = dir.toRealPath();
        List<RuleFile> ruleFiles = new ArrayList<>();
        for (Path file : listFiles(root, root, ".drl", limits)) {
            ruleFiles.add(new RuleFile(file.getFileName().toString(),
                    new String(readBounded(file, root, limits), StandardCharsets.UTF_8)));
        }
        Map<String, byte[]> scenarios = new TreeMap<>();
        Path scenarioDir = root.resolve("scenarios");
        if (Files.isDirectory(scenarioDir)) {
            for (Path file : listFiles(scenarioDir, root, ".json", limits)) {
                scenarios.put(file.getFileName().toString(), readBounded(file, root, limits));
            }
        }
        return new RuleSource(List.copyOf(ruleFiles), scenarios);
    }

    /**
     * Why a folder could not be read, naming files by their last name only: the reason goes to analysts and
     * clients ({@code GET /rules}, a 503), which have no business with the machine's paths.
     */
    public static String describe(IOException e) {
        if (e instanceof RulesFolderException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException failed) {
            String file = failed.getFile() == null ? "" : Path.of(failed.getFile()).getFileName() + ": ";
            return file + (failed.getReason() != null ? failed.getReason() : e.getClass().getSimpleName());
        }
        return e.getClass().getSimpleName();
    }

    /** The fingerprint of a folder that cannot be read: the same failure is not retried until it changes. */
    public static String unreadable(IOException e) {
        return "unreadable: " + e;
    }

    /** sha256 over every rule and scenario file's name and content: any edit changes it. */
    public String fingerprint() {
        Sha256 digest = Sha256.start();
        ruleFiles.forEach(file -> digest.part(file.name()).part(file.content()));
        scenarios.forEach((name, json) -> digest.part("scenarios/" + name).part(json));
        return digest.hex();
    }

    /** The folder's files with this suffix, each checked to lie within {@code root} once its links are followed. */
    private static List<Path> listFiles(Path dir, Path root, String suffix, Limits limits) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !name.endsWith(suffix)) {
                    continue;
                }
                Path real = within(entry, root);
                if (!Files.isRegularFile(real)) {
                    continue;
                }
                files.add(entry);
                if (files.size() > limits.maxFiles()) {
                    String where = dir.equals(root) ? "" : root.relativize(dir) + "/";
                    throw new RulesFolderException(where + "*" + suffix + ": more than " + limits.maxFiles()
                            + " files (rules.max-files)");
                }
            }
        }
        return files;
    }

    private static byte[] readBounded(Path file, Path root, Limits limits) throws IOException {
        try (InputStream in = Files.newInputStream(within(file, root))) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
            if (content.length > limits.maxFileBytes()) {
                throw new RulesFolderException(nameIn(file, root) + " is larger than " + limits.maxFileBytes()
                        + " bytes (rules.max-file-size)");
            }
            return content;
        }
    }

    /** The file's real path, refused when it lies outside the folder's. */
    private static Path within(Path file, Path root) throws IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
            throw new RulesFolderException(nameIn(file, root) + " links to a file outside the rules folder;"
                    + " rule and scenario files must lie within it");
        }
        return real;
    }

    private static String nameIn(Path file, Path root) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.getFileName().toString();
    }
}
