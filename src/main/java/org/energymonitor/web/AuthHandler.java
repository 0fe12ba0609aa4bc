package org.energymonitor.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks HTTP Basic credentials or a bearer API token on every request except the open health check.
 * PBKDF2 is slow on purpose, so it never runs on the event loop (a one-thread worker does it, so guessing takes one
 * core at most), a verified Basic header is remembered (as its SHA-256) for a few minutes, a client address that sent
 * too many wrong passwords is locked out ({@link LoginFailures}) and all clients together get a few checks a second:
 * beyond that {@code 429} with {@code Retry-After}, without hashing, sent after a second. Every comparison is
 * constant-time.
 */
final class AuthHandler implements Handler<RoutingContext> {

    private static final long REMEMBER_MS = 300_000;
    private static final long HOLD_MS = 1_000;
    private static final Set<String> OPEN = Set.of("/observe/health", "/observe/health/");
    private final AuthSettings settings;
    private final PasswordHash hashes = new PasswordHash();
    private final List<byte[]> tokens;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    private final LoginFailures failures;
    private final TokenBuckets checksPerSecond;
    private final WorkerExecutor hashing;
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** {@code internalToken}: a random token only this process knows, for its own warm-up requests. */
    AuthHandler(AuthSettings settings, String internalToken, LoginLimits limits, WorkerExecutor hashing) {
        this.settings = settings;
        List<byte[]> all = new java.util.ArrayList<>(settings.tokenDigests().stream()
                .map(d -> HexFormat.of().parseHex(d.toLowerCase())).toList());
        all.add(PasswordHash.sha256(internalToken));
        this.tokens = List.copyOf(all);
        this.failures = new LoginFailures(limits);
        this.checksPerSecond = new TokenBuckets(limits.checksPerSecond(), Math.max(1, 2 * limits.checksPerSecond()));
        this.hashing = hashing;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (OPEN.contains(ctx.normalizedPath()) || tokenMatches(header) || remembered(header)) {
            ctx.next();
            return;
        }
        String[] login = basicLogin(header);
        if (login == null) {
            deny(ctx);
            return;
        }
        String client = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        long locked = failures.lockedFor(client, System.currentTimeMillis());
        if (locked > 0) {
            tooMany(ctx, (locked + 999) / 1000, "too many wrong passwords from this address; try again later");
            return;
        }
        if (!checksPerSecond.allow("all", System.nanoTime())) {
            tooMany(ctx, 1, "too many login attempts on this server; try again in a second");
            return;
        }
        checks.incrementAndGet();
        ctx.request().pause();
        hashing.<Boolean>executeBlocking(() -> matches(login), false).onComplete(result -> {
            ctx.request().resume();
            if (result.succeeded() && result.result()) {
                failures.succeeded(client);
                remember(header);
                ctx.next();
            } else {
                failures.failed(client, System.currentTimeMillis());
                deny(ctx);
            }
        });
    }

    /** Password checks (PBKDF2 runs) since start-up. */
    long checks() {
        return checks.get();
    }

    /** Answers {@code 429} to login attempts: locked-out addresses and beyond the global cap. */
    long refused() {
        return refused.get();
    }

    /** Lockouts of client addresses started since start-up. */
    long lockouts() {
        return failures.lockouts();
    }

    private boolean tokenMatches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] digest = PasswordHash.sha256(header.substring(7).trim());
        boolean ok = false;
        for (byte[] t : tokens) {
            ok |= MessageDigest.isEqual(t, digest);
        }
        return ok;
    }

    private boolean remembered(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        Long until = verified.get(HexFormat.of().formatHex(PasswordHash.sha256(header)));
        return until != null && until > System.currentTimeMillis();
    }

    private void remember(String header) {
        if (verified.size() > 1000) {
            verified.clear();
        }
        verified.put(HexFormat.of().formatHex(PasswordHash.sha256(header)), System.currentTimeMillis() + REMEMBER_MS);
    }

    /** User and password of a Basic header; null when it is none or malformed (such a request is not a guess). */
    private String[] basicLogin(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || settings.username().isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private boolean matches(String[] login) {
        boolean user = MessageDigest.isEqual(login[0].getBytes(StandardCharsets.UTF_8),
                settings.username().getBytes(StandardCharsets.UTF_8));
        boolean password = hashes.matches(login[1], settings.passwordHash());
        return user && password;
    }

    private static void deny(RoutingContext ctx) {
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Basic realm=\"Energy Monitor\", charset=\"UTF-8\"")
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", "authentication required").encode());
    }

    /** The refusal, held back up to a second (on a timer) so a guesser's loop does not cost the server CPU instead. */
    private void tooMany(RoutingContext ctx, long seconds, String message) {
        refused.incrementAndGet();
        ctx.vertx().setTimer(HOLD_MS, id -> refuse(ctx, seconds, message));
    }

    private static void refuse(RoutingContext ctx, long seconds, String message) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(Math.max(1, seconds)))
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).put("retry_after_s", Math.max(1, seconds)).encode());
    }
}
