package org.energymonitor.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves front-end libraries packaged as webjars (uPlot) at {@code /webjars/<name>/<version>/<path>} from the
 * classpath folder {@code META-INF/resources/webjars/}, and nothing else from the classpath: the path must be plain
 * segments (letters, digits, {@code . _ -}, none starting with a dot, so no {@code ..}) and end in {@code .js},
 * {@code .css} or {@code .map}. The files are versioned, so they may be cached for a year.
 */
final class WebjarHandler implements Handler<RoutingContext> {

    static final String PREFIX = "/webjars/";
    private static final String ROOT = "META-INF/resources/webjars/";
    private static final Pattern SAFE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*\\.(js|css|map)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json");

    private final ClassLoader loader;
    /** Bytes of the files served so far: bounded by the webjars on the classpath. */
    private final Map<String, Optional<Buffer>> cache = new ConcurrentHashMap<>();

    WebjarHandler(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String relative = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        if (!SAFE.matcher(relative).matches()) {
            ctx.next();
            return;
        }
        Optional<Buffer> body = cache.computeIfAbsent(relative, this::load);
        if (body.isEmpty()) {
            ctx.next();
            return;
        }
        String ext = relative.substring(relative.lastIndexOf('.') + 1);
        ctx.response()
                .putHeader("Content-Type", TYPES.get(ext))
                .putHeader("Cache-Control", "public, max-age=31536000, immutable")
                .end(body.get());
    }

    private Optional<Buffer> load(String relative) {
        try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
