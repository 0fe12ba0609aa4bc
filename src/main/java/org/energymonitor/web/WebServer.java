package org.energymonitor.web;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the dashboard and the API: one Vert.x server whose router the {@code platform-http} routes of
 * {@code routes/api.camel.yaml} attach to. It owns what Camel's built-in server cannot do: gzip for clients that
 * accept it, a request body limit, static files confined to the {@code web/} folder, front-end libraries from their
 * webjars under /webjars/ (see {@link WebjarHandler}), JSON 404s under /api/, limits on password guessing (see
 * {@link AuthHandler}) and on slow clients (an idle timeout and {@link HeaderTimeout}).
 */
public final class WebServer extends ServiceSupport {

    /** Static files and the JSON 404 come after every route the Camel consumers add. */
    private static final int STATIC_ORDER = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final Vertx vertx;
    private final Router router;
    private HttpServer server;
    private AuthHandler auth;
    /** Authorises this process's own warm-up requests; never leaves the JVM. */
    private final String internalToken = java.util.HexFormat.of().formatHex(randomBytes());

    /** API answers are live data: never cached by a browser or a proxy. */
    private static void noStore(io.vertx.ext.web.RoutingContext ctx) {
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    public WebServer(WebSettings settings) {
        this.settings = settings;
        this.vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(8));
        this.router = Router.router(vertx);
        router.route().order(-3).handler(new RateLimit(settings.ratePerSecond(), settings.rateBurst()));
        if (settings.auth().required(settings.host())) {
            auth = new AuthHandler(settings.auth(), internalToken, settings.login(),
                    vertx.createSharedWorkerExecutor("energy-password-check", 1));
            router.route().order(-2).handler(auth);
        }
        // set here: Camel's HTTP header filter drops a Cache-Control header that a route sets
        router.route("/api/*").order(-1).handler(WebServer::noStore);
        router.route("/status").order(-1).handler(WebServer::noStore);
        if (Files.isDirectory(settings.webDir())) {
            router.route().order(STATIC_ORDER).handler(StaticHandler.create(FileSystemAccess.ROOT,
                    settings.webDir().toAbsolutePath().toString())
                    .setDirectoryListing(false).setIncludeHidden(false).setCachingEnabled(true).setMaxAgeSeconds(60));
        }
        router.route(WebjarHandler.PREFIX + "*").order(STATIC_ORDER - 1)
                .handler(new WebjarHandler(WebServer.class.getClassLoader()));
        router.route("/api/*").order(STATIC_ORDER + 1).handler(JsonErrors::notFound);
    }

    /** The router the platform-http consumers use (bound as {@code platform-http-router-0}). */
    public VertxPlatformHttpRouter camelRouter() {
        long limit = settings.maxBodyBytes();
        return new VertxPlatformHttpRouter(null, vertx, router, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO) {
            @Override
            public Handler<RoutingContext> bodyHandler() {
                return BodyHandler.create(false).setBodyLimit(limit);
            }
        };
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    /**
     * GETs {@code paths} from this server over its own address, as the dashboard's first visitor would, so the JIT,
     * the caches and the connection pool are warm (plain HTTP only). Returns how many answered 200.
     */
    public int requestSelf(java.util.List<String> paths) {
        if (!settings.tlsCert().isEmpty() || server == null) {
            return 0;
        }
        String host = "0.0.0.0".equals(settings.host()) || "::".equals(settings.host()) ? "127.0.0.1" : settings.host();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.actualPort();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        int ok = 0;
        for (String path : paths) {
            try {
                java.net.http.HttpResponse<Void> r = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(base + path)).header("Authorization", "Bearer " + internalToken)
                        .header("Accept-Encoding", "gzip").timeout(java.time.Duration.ofSeconds(30)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                ok += r.statusCode() == 200 ? 1 : 0;
            } catch (java.io.IOException e) {
                LOG.debug("Warm-up request {} failed: {}", path, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ok;
            }
        }
        return ok;
    }

    /** Times every request into {@code registry} (called once, before the server starts). */
    public void timeRequests(io.micrometer.core.instrument.MeterRegistry registry) {
        router.route().order(-4).handler(new RequestTimer(registry));
    }

    /**
     * Counts password checks, lockouts and their {@code 429} answers into {@code registry} (called once; nothing when
     * the server needs no authentication).
     */
    public void countLogins(io.micrometer.core.instrument.MeterRegistry registry) {
        if (auth == null) {
            return;
        }
        io.micrometer.core.instrument.FunctionCounter.builder("energy_http_password_checks", auth, AuthHandler::checks)
                .description("PBKDF2 password checks of the HTTP server").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("energy_http_login_lockouts", auth, AuthHandler::lockouts)
                .description("client addresses locked out after wrong passwords").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("energy_http_login_refused", auth, AuthHandler::refused)
                .description("login attempts answered 429 without a check (locked out or over the global cap)")
                .register(registry);
    }

    /** The port actually bound (differs from the configured one only when that is 0). */
    public int port() {
        return server == null ? settings.port() : server.actualPort();
    }

    @Override
    protected void doStart() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setCompressionSupported(true)
                .setCompressionLevel(4)
                .setIdleTimeout(settings.idleTimeoutS())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxHeaderSize(16 * 1024)
                // No HTTP/2 upgrade on plain HTTP: a client trying h2c on a gzipped static file could hang.
                .setHttp2ClearTextEnabled(false);
        if (!settings.tlsCert().isEmpty()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(settings.tlsCert()).setKeyPath(settings.tlsKey()));
        }
        try {
            HeaderTimeout slow = new HeaderTimeout(vertx, settings.headerTimeoutS() * 1000L,
                    settings.idleTimeoutS() * 1000L);
            server = vertx.createHttpServer(options).connectionHandler(slow::connected)
                    .requestHandler(slow.around(router))
                    .listen(settings.port(), settings.host())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("Cannot listen on " + settings.host() + ":" + settings.port()
                    + " (energy.http.host / energy.http.port): " + cause.getMessage(), cause);
        }
        LOG.info("Dashboard and API on {}://{}:{}/", settings.tlsCert().isEmpty() ? "http" : "https", settings.host(),
                server.actualPort());
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server = null;
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
