package org.energymonitor.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A git host on 127.0.0.1 for the HTTPS tests: the JDK's HTTPS server with a throw-away self-signed certificate
 * (keytool), Basic authentication with one user name and token, and {@code git http-backend} as CGI behind it serving
 * the repositories in one folder. Pushes are allowed because {@code REMOTE_USER} is set (git's
 * {@code http.receivepack} default); JGit's gzip request bodies are passed on as {@code HTTP_CONTENT_ENCODING}.
 */
final class GitHttpsServer implements AutoCloseable {

    private static final String STORE_PASSWORD = "throw-away";

    private final Path root;
    private final String expected;
    private final Path caFile;
    private final HttpsServer server;

    GitHttpsServer(Path dir, String user, String token) throws Exception {
        root = dir;
        expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        Path store = dir.resolve("server.p12");
        caFile = dir.resolve("server-cert.pem");
        keytool("-genkeypair", "-alias", "git", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "git", "-keystore", store.toString(), "-storepass", STORE_PASSWORD,
                "-file", caFile.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The HTTPS URL of a repository in the folder. */
    String url(String repository) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + repository;
    }

    /** The server's certificate, PEM: what {@code energy.git.https.ca-file} points at. */
    Path caFile() {
        return caFile;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool: " + out);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            ProcessBuilder cgi = new ProcessBuilder("git", "http-backend")
                    .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("http-backend.log").toFile()));
            Map<String, String> env = cgi.environment();
            env.put("GIT_PROJECT_ROOT", root.toString());
            env.put("GIT_HTTP_EXPORT_ALL", "1");
            env.put("REQUEST_METHOD", exchange.getRequestMethod());
            env.put("PATH_INFO", exchange.getRequestURI().getPath());
            env.put("QUERY_STRING", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
            env.put("CONTENT_TYPE", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            env.put("CONTENT_LENGTH", Integer.toString(body.length));
            env.put("REMOTE_USER", "energy");
            env.put("REMOTE_ADDR", "127.0.0.1");
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            if (encoding != null) {
                env.put("HTTP_CONTENT_ENCODING", encoding);
            }
            Process p = cgi.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(body);
            }
            respond(exchange, p.getInputStream());
        }
    }

    /** Copies a CGI response: header lines up to an empty line ({@code Status:} sets the code), then the body. */
    private static void respond(HttpExchange exchange, InputStream out) throws IOException {
        int status = 200;
        for (String line = headerLine(out); !line.isEmpty(); line = headerLine(out)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ")[0]);
            } else {
                exchange.getResponseHeaders().add(name, value);
            }
        }
        exchange.sendResponseHeaders(status, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            out.transferTo(body);
        }
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
