package org.devicelink.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.devicelink.platform.OwnerOnly;
import org.devicelink.platform.UserFolders;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The link server's TLS identity on the embedded default: a self-signed certificate made once per data folder
 * ({@code tls/server.p12}) and published as {@code tls/server.pem}, which clients on this machine trust exactly
 * (the companion, the device kit). Behind a real TLS proxy, set {@code tls=false} instead.
 */
public final class Tls {

    public static final String KEYSTORE_FILE = "server.p12";
    /** The key store sits in an owner-only folder; its password only satisfies the PKCS#12 format. */
    static final char[] KEYSTORE_PASSWORD = "devicelink".toCharArray();
    private static final String ALIAS = "devicelink";

    private final KeyStore keyStore;
    private final Path certificateFile;

    private Tls(KeyStore keyStore, Path certificateFile) {
        this.keyStore = keyStore;
        this.certificateFile = certificateFile;
    }

    /** Loads the data folder's certificate, making it on first use. */
    public static Tls forDataDir(Path dataDir) {
        Path certificate = dataDir.resolve(UserFolders.SERVER_CERTIFICATE);
        Path dir = certificate.getParent();
        Path store = dir.resolve(KEYSTORE_FILE);
        try {
            if (!Files.exists(store)) {
                create(dir, certificate);
            }
            var keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, KEYSTORE_PASSWORD);
            }
            return new Tls(keyStore, certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the TLS certificate in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Jetty's HTTPS connector with this certificate, on {@code listener}. */
    public ServerConnector connector(Server server, HttpConfiguration httpConfig, Listener listener) {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(KEYSTORE_PASSWORD));
        var https = new HttpConfiguration(httpConfig);
        // devices reach the server by LAN address as often as by name: no SNI host check
        https.addCustomizer(new SecureRequestCustomizer(false));
        return listener.connector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    /** Plain HTTP, for behind the operator's own TLS proxy ({@code tls=false}). */
    public static ServerConnector plainConnector(Server server, HttpConfiguration httpConfig, Listener listener) {
        return listener.connector(server, new HttpConnectionFactory(httpConfig));
    }

    /** The PEM file clients pin. */
    public Path certificateFile() {
        return certificateFile;
    }

    private static void create(Path dir, Path certificateFile) throws IOException, GeneralSecurityException {
        OwnerOnly.folder(dir);
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(keys);

        var keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, keys.getPrivate(), KEYSTORE_PASSWORD, new X509Certificate[] {certificate});
        // written under a temporary name and moved, so a crash never leaves half a key store behind
        Path temporary = dir.resolve(KEYSTORE_FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            keyStore.store(out, KEYSTORE_PASSWORD);
        }
        OwnerOnly.file(temporary);
        Files.writeString(certificateFile, SelfSignedCertificate.pem(certificate));
        OwnerOnly.file(certificateFile);
        Files.move(temporary, dir.resolve(KEYSTORE_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /** ::1, as the 16 bytes a certificate holds. */
    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private static X509Certificate selfSigned(KeyPair keys) throws GeneralSecurityException {
        var names = new ArrayList<SelfSignedCertificate.AltName>(List.of(
                new SelfSignedCertificate.AltName.Dns("localhost"),
                new SelfSignedCertificate.AltName.Ip(new byte[] {127, 0, 0, 1}),
                new SelfSignedCertificate.AltName.Ip(IPV6_LOOPBACK)));
        try {
            String host = InetAddress.getLocalHost().getHostName();
            // a DNS name in a certificate is ASCII (IA5String); a name that is not is left out, as is localhost twice
            if (!host.isBlank() && !"localhost".equals(host) && StandardCharsets.US_ASCII.newEncoder().canEncode(host)) {
                names.add(new SelfSignedCertificate.AltName.Dns(host));
            }
        } catch (IOException ignored) {
            // no resolvable host name: localhost and the loopback addresses are enough for the embedded default
        }
        Instant now = Instant.now();
        return SelfSignedCertificate.make(keys, "DeviceLink local server", names,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }
}
