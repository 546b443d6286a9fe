package dev.reservewatch.engine;

import java.io.IOException;
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
 * (READMEs, a kustomization.yaml, the {@code ..data} links of a Kubernetes ConfigMap volume) is ignored;
 * symlinks are followed, so the ConfigMap layout reads like a plain folder.
 */
public record RuleSource(List<RuleFile> ruleFiles, Map<String, byte[]> scenarios) {

    public static RuleSource read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toAbsolutePath().toString(), null, "the rules folder does not exist");
        }
        List<RuleFile> ruleFiles = new ArrayList<>();
        for (Path file : listFiles(dir, ".drl")) {
            ruleFiles.add(new RuleFile(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        Map<String, byte[]> scenarios = new TreeMap<>();
        Path scenarioDir = dir.resolve("scenarios");
        if (Files.isDirectory(scenarioDir)) {
            for (Path file : listFiles(scenarioDir, ".json")) {
                scenarios.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return new RuleSource(List.copyOf(ruleFiles), scenarios);
    }

    /** The fingerprint of a folder that cannot be read: the same failure is not retried until it changes. */
    public static String unreadable(IOException e) {
        return "unreadable: " + e;
    }

    /** sha256 over every rule and scenario file's name and content: any edit changes it. */
    public String fingerprint() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            for (RuleFile file : ruleFiles) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            scenarios.forEach((name, json) -> {
                digest.update(("scenarios/" + name).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(json);
                digest.update((byte) 0);
            });
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static List<Path> listFiles(Path dir, String suffix) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".") && name.endsWith(suffix) && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }
}
