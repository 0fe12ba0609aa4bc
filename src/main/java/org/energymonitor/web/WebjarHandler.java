package org.energymonitor.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves front-end libraries packaged as webjars (uPlot) at {@code /webjars/<name>/<path>} from the classpath folder
 * {@code META-INF/resources/webjars/<name>/<version>/}, and nothing else from the classpath: the path must be plain
 * segments (letters, digits, {@code . _ -}, none starting with a dot, so no {@code ..}) and end in {@code .js},
 * {@code .css} or {@code .map}. The paths carry no version: the version is the webjar's on the classpath (its
 * {@code pom.properties}), so the dependency's version in pom.xml is the only place it is written. Browsers keep the
 * files as long as the pages of {@code web/} and then revalidate them by their ETag, the webjar's version.
 */
final class WebjarHandler implements Handler<RoutingContext> {

    static final String PREFIX = "/webjars/";
    private static final String ROOT = "META-INF/resources/webjars/";
    /** The Maven groups webjars are published under (npm, classic, bower). */
    private static final List<String> GROUPS = List.of("org.webjars.npm", "org.webjars", "org.webjars.bower");
    private static final Pattern SAFE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*\\.(js|css|map)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "map", "application/json");

    private final ClassLoader loader;
    /** Bytes of the files served so far, and the versions of the webjars: bounded by what is on the classpath. */
    private final Map<String, Buffer> cache = new ConcurrentHashMap<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    WebjarHandler(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String relative = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        int slash = relative.indexOf('/');
        if (!SAFE.matcher(relative).matches() || slash < 0) {
            ctx.next();
            return;
        }
        String name = relative.substring(0, slash);
        Optional<String> version = found(versions, name, this::version);
        Optional<Buffer> body = version.flatMap(v -> found(cache, name + "/" + v + relative.substring(slash), this::load));
        if (body.isEmpty()) {
            ctx.next();
            return;
        }
        String etag = "\"" + name + "-" + version.get() + "\"";
        ctx.response().putHeader("Cache-Control", "public, immutable, max-age=60").putHeader("ETag", etag);
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        String ext = relative.substring(relative.lastIndexOf('.') + 1);
        ctx.response().putHeader("Content-Type", TYPES.get(ext)).end(body.get());
    }

    /** What {@code map} holds for {@code key}, else what {@code find} finds (kept only when found). */
    private static <T> Optional<T> found(Map<String, T> map, String key, Function<String, Optional<T>> find) {
        T known = map.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<T> value = find.apply(key);
        value.ifPresent(v -> map.put(key, v));
        return value;
    }

    private Optional<String> version(String name) {
        for (String group : GROUPS) {
            try (InputStream in = loader.getResourceAsStream("META-INF/maven/" + group + "/" + name + "/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return Optional.ofNullable(p.getProperty("version"));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Buffer> load(String relative) {
        try (InputStream in = loader.getResourceAsStream(ROOT + relative)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
