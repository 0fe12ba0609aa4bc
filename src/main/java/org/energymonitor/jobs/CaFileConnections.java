package org.energymonitor.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections, trusting only the certificates in one PEM file ({@code energy.git.https.ca-file}): for a
 * git server with its own CA or a self-signed certificate. Used by the push alone; the JVM's default trust is left
 * alone, certificates are still verified and host names still checked.
 */
final class CaFileConnections implements HttpConnectionFactory {

    private final HttpConnectionFactory jdk = new JDKHttpConnectionFactory();
    private final TrustManager[] trust;

    CaFileConnections(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in energy.git.https.ca-file " + pem);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        trust = factory.getTrustManagers();
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return trusting(url, jdk.create(url));
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return trusting(url, jdk.create(url, proxy));
    }

    private HttpConnection trusting(URL url, HttpConnection connection) throws IOException {
        if ("https".equals(url.getProtocol())) {
            try {
                connection.configure(null, trust, null);
            } catch (GeneralSecurityException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return connection;
    }
}
