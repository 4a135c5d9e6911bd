package org.devicelink.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written DER is read back by the JDK, field by field, and the certificate verifies with its own key. */
class SelfSignedCertificateTest {

    @Test
    void theJdkReadsBackEveryField() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var keys = generator.generateKeyPair();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2061-06-30T12:00:00Z"); // past 2049: GeneralizedTime
        X509Certificate certificate = SelfSignedCertificate.make(keys, "DeviceLink local server",
                List.of(new SelfSignedCertificate.AltName.Dns("localhost"),
                        new SelfSignedCertificate.AltName.Ip(new byte[] {127, 0, 0, 1})), from, to);

        certificate.verify(keys.getPublic());
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSerialNumber().signum()).isPositive();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=DeviceLink local server");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(to);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactly(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not an authority
        assertThat(certificate.getCriticalExtensionOIDs()).containsExactly("2.5.29.19");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");

        X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(SelfSignedCertificate.pem(certificate).getBytes()));
        assertThat(fromPem).isEqualTo(certificate);
    }

    @Test
    void theDataFolderCertificateNamesLocalhostAndBothLoopbacks(@TempDir Path dir) throws Exception {
        Path pem = Tls.forDataDir(dir).certificateFile();
        var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(pem));
        assertThat(certificate.getSubjectAlternativeNames())
                .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        certificate.checkValidity();
    }

    @Test
    void longLengthsAndLargeArcsAreEncodedAsDerAsks() {
        assertThat(SelfSignedCertificate.tlv(0x04, new byte[200])).startsWith(0x04, 0x81, 200);
        assertThat(SelfSignedCertificate.tlv(0x04, new byte[300])).startsWith(0x04, 0x82, 0x01, 0x2C);
        // 1.2.840.10045.4.3.2: 840 = 0x86 0x48, 10045 = 0xCE 0x3D
        assertThat(SelfSignedCertificate.oid("1.2.840.10045.4.3.2"))
                .containsExactly(0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02);
    }
}
