package org.devicelink.server.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed X.509 v3 server certificate for an EC key, written in DER by hand: the JDK reads certificates but
 * has no public API to make one, and this one small shape did not justify Bouncy Castle (4.5 MB of the installer).
 * RFC 5280 §4.1; the JDK's {@link CertificateFactory} parses the result, so a mistake here fails loudly at once.
 */
final class SelfSignedCertificate {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    /** A subject alternative name: a DNS name, or an IP address as its raw bytes. */
    sealed interface AltName {
        record Dns(String name) implements AltName {}
        record Ip(byte[] address) implements AltName {}
    }

    private SelfSignedCertificate() {}

    static X509Certificate make(KeyPair keys, String commonName, List<AltName> altNames, Instant notBefore,
            Instant notAfter) throws GeneralSecurityException {
        byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
        byte[] name = sequence(set(sequence(oid(COMMON_NAME), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        var names = new ArrayList<byte[]>();
        for (AltName altName : altNames) {
            names.add(switch (altName) {
                case AltName.Dns dns -> tlv(0x82, dns.name().getBytes(StandardCharsets.US_ASCII)); // [2] IA5String
                case AltName.Ip ip -> tlv(0x87, ip.address()); // [7] OCTET STRING
            });
        }
        byte[] extensions = sequence(
                extension(SUBJECT_ALT_NAME, false, sequence(names.toArray(byte[][]::new))),
                extension(BASIC_CONSTRAINTS, true, sequence()), // cA defaults to false: not an authority
                extension(EXTENDED_KEY_USAGE, false, sequence(oid(SERVER_AUTH))));
        byte[] serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE).toByteArray(); // positive, non-zero
        byte[] tbs = sequence(
                tlv(0xA0, tlv(0x02, new byte[] {2})), // [0] version v3
                tlv(0x02, serial),
                algorithm,
                name,
                sequence(time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                tlv(0xA3, extensions));
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] certificate = sequence(tbs, algorithm, bitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    /** The certificate as PEM, the form clients pin. */
    static String pem(X509Certificate certificate) throws GeneralSecurityException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical
                ? sequence(oid(id), tlv(0x01, new byte[] {(byte) 0xFF}), tlv(0x04, value))
                : sequence(oid(id), tlv(0x04, value));
    }

    /** UTCTime through 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 asks. */
    private static byte[] time(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        boolean utcTime = utc.getYear() < 2050;
        String text = utc.format(DateTimeFormatter.ofPattern(utcTime ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'"));
        return tlv(utcTime ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // a leading 0: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        var out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            out.write((int) ((value >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** One DER element: its tag, its length (short form under 128, else long form), its content. */
    static byte[] tlv(int tag, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
