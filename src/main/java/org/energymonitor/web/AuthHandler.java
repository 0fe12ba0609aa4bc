package org.energymonitor.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks HTTP Basic credentials or a bearer API token on every request except the open health check.
 * PBKDF2 is slow on purpose, so a verified Basic header is remembered (as its SHA-256) for a few minutes;
 * every comparison is constant-time.
 */
final class AuthHandler implements Handler<RoutingContext> {

    private static final long REMEMBER_MS = 300_000;
    private static final Set<String> OPEN = Set.of("/observe/health", "/observe/health/");
    private final AuthSettings settings;
    private final PasswordHash hashes = new PasswordHash();
    private final List<byte[]> tokens;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    /** {@code internalToken}: a random token only this process knows, for its own warm-up requests. */
    AuthHandler(AuthSettings settings, String internalToken) {
        this.settings = settings;
        List<byte[]> all = new java.util.ArrayList<>(settings.tokenDigests().stream()
                .map(d -> HexFormat.of().parseHex(d.toLowerCase())).toList());
        all.add(PasswordHash.sha256(internalToken));
        this.tokens = List.copyOf(all);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (OPEN.contains(ctx.normalizedPath()) || allowed(ctx.request().getHeader("Authorization"))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Basic realm=\"Energy Monitor\", charset=\"UTF-8\"")
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "authentication required").encode());
    }

    private boolean allowed(String header) {
        if (header == null) {
            return false;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] digest = PasswordHash.sha256(header.substring(7).trim());
            boolean ok = false;
            for (byte[] t : tokens) {
                ok |= MessageDigest.isEqual(t, digest);
            }
            return ok;
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6) || settings.username().isEmpty()) {
            return false;
        }
        String key = HexFormat.of().formatHex(PasswordHash.sha256(header));
        long now = System.currentTimeMillis();
        Long until = verified.get(key);
        if (until != null && until > now) {
            return true;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean user = MessageDigest.isEqual(decoded.substring(0, colon).getBytes(StandardCharsets.UTF_8),
                settings.username().getBytes(StandardCharsets.UTF_8));
        boolean password = hashes.matches(decoded.substring(colon + 1), settings.passwordHash());
        if (user && password) {
            if (verified.size() > 1000) {
                verified.clear();
            }
            verified.put(key, now + REMEMBER_MS);
            return true;
        }
        return false;
    }
}
