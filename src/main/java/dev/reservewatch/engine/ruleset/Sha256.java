package dev.reservewatch.engine.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of the rules: ruleset versions and rules folder fingerprints go through it.
 * A digest takes its parts in order, each followed by a zero byte, so that ("ab", "c") and ("a", "bc")
 * differ.
 */
public final class Sha256 {

    private final MessageDigest digest;

    private Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    /** A digest to feed part by part. */
    public static Sha256 start() {
        return new Sha256();
    }

    /** The digest of one text, as bytes. */
    public static byte[] of(String text) {
        return start().digest.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    public Sha256 part(String text) {
        return part(text.getBytes(StandardCharsets.UTF_8));
    }

    public Sha256 part(byte[] bytes) {
        digest.update(bytes);
        digest.update((byte) 0);
        return this;
    }

    /** The digest of the parts so far, in lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
