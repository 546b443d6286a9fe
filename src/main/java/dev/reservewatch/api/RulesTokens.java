package dev.reservewatch.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.reservewatch.config.RulesConfig;
import dev.reservewatch.error.AdminAccessException;

/**
 * The rules tokens. DRL is code, so an endpoint that takes rule text from a client ({@link RulesAuthor}) runs
 * nothing for an anonymous caller: it needs {@code Authorization: Bearer} with {@code RULES_ADMIN_TOKEN} or
 * {@code RULES_AUTHOR_TOKEN}; one that changes what serves ({@link RulesAdmin}) needs the admin token. 401
 * without a token or with a wrong one, 403 when none is configured (or an author's token on an admin
 * endpoint). The checks run as request filters, before the body is read. Tokens are compared as SHA-256
 * digests, so neither their content nor their length shows in the timing.
 */
public class RulesTokens {

    private static final String BEARER = "Bearer ";

    /** Needs the author or the admin token: the endpoint compiles or runs rule text a client sent. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    public @interface RulesAuthor {
    }

    /** Needs the admin token: the endpoint changes what serves. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    public @interface RulesAdmin {
    }

    private final Optional<byte[]> admin;
    private final Optional<byte[]> author;

    public RulesTokens(RulesConfig config) {
        this.admin = digestOf(config.adminToken());
        this.author = digestOf(config.authorToken());
    }

    @ServerRequestFilter
    @RulesAuthor
    public void requireAuthor(ContainerRequestContext request) {
        if (admin.isEmpty() && author.isEmpty()) {
            throw new AdminAccessException(403, "Rule drafts are off: neither RULES_AUTHOR_TOKEN nor "
                    + "RULES_ADMIN_TOKEN is configured, and DRL from a client is compiled only for a rules author.");
        }
        byte[] given = bearer(request, "RULES_AUTHOR_TOKEN or RULES_ADMIN_TOKEN");
        if (!matches(given, author) && !matches(given, admin)) {
            throw new AdminAccessException(401, "The bearer token is neither RULES_AUTHOR_TOKEN nor RULES_ADMIN_TOKEN.");
        }
    }

    @ServerRequestFilter
    @RulesAdmin
    public void requireAdmin(ContainerRequestContext request) {
        if (admin.isEmpty()) {
            throw new AdminAccessException(403, "Admin endpoints are off: no RULES_ADMIN_TOKEN is configured.");
        }
        byte[] given = bearer(request, "RULES_ADMIN_TOKEN");
        if (matches(given, admin)) {
            return;
        }
        if (matches(given, author)) {
            throw new AdminAccessException(403, "This is the author's token: it may check drafts, not reload.");
        }
        throw new AdminAccessException(401, "The bearer token is not the configured RULES_ADMIN_TOKEN.");
    }

    private static byte[] bearer(ContainerRequestContext request, String which) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AdminAccessException(401, "Send Authorization: Bearer <" + which + ">.");
        }
        return digest(authorization.substring(BEARER.length()).strip());
    }

    private static boolean matches(byte[] given, Optional<byte[]> expected) {
        return expected.isPresent() && MessageDigest.isEqual(given, expected.get());
    }

    private static Optional<byte[]> digestOf(Optional<String> token) {
        return token.map(String::strip).filter(t -> !t.isEmpty()).map(RulesTokens::digest);
    }

    /** Tokens are compared as SHA-256 digests, in constant time: equal lengths whatever the token. */
    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
