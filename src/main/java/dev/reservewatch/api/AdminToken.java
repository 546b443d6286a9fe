package dev.reservewatch.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.error.AdminAccessException;

/** Checks {@code Authorization: Bearer <RULES_ADMIN_TOKEN>} in constant time. */
@ApplicationScoped
public class AdminToken {

    private static final String BEARER = "Bearer ";

    private final RulesConfig config;

    public AdminToken(RulesConfig config) {
        this.config = config;
    }

    public void require(String authorization) {
        String expected = config.adminToken().filter(token -> !token.isBlank()).orElse(null);
        if (expected == null) {
            throw new AdminAccessException(403, "Admin endpoints are off: no RULES_ADMIN_TOKEN is configured.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AdminAccessException(401, "Send Authorization: Bearer <RULES_ADMIN_TOKEN>.");
        }
        // compare digests, so neither the content nor the length of the token shows in the timing
        byte[] given = sha256(authorization.substring(BEARER.length()).strip());
        if (!MessageDigest.isEqual(given, sha256(expected))) {
            throw new AdminAccessException(401, "The bearer token is not the configured RULES_ADMIN_TOKEN.");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
