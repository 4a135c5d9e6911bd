package org.devicelink.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in exactly one certificate (the local link server's, from its data folder) and nothing else: how the
 * companion and the device kit talk to the embedded default without trusting the whole system store for it.
 */
public final class PinnedCertificate {

    private PinnedCertificate() {}

    /** A TLS context that trusts the certificates in this PEM file only. */
    public static SSLContext trusting(Path pemCertificate) throws IOException {
        try (InputStream in = Files.newInputStream(pemCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("server-" + i++, certificate);
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot trust " + pemCertificate + ": " + e.getMessage(), e);
        }
    }
}
