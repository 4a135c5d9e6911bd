package org.devicelink.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.devicelink.tls.PinnedCertificate;

/**
 * Requests as bytes on a socket, for what an HTTP client library will not send: a broken chunked body, a request line
 * that is not one, headers dribbled a byte at a time. Over TLS when the server has a certificate.
 */
public final class RawHttp implements AutoCloseable {

    /** What came back: the status line's code (0 when the server closed without answering), headers and body as text. */
    public record Answer(int status, String head, String body) {}

    private final Socket socket;
    private SocketException unsent;
    private boolean headOnly;

    public RawHttp(String baseUrl, Path certificate) throws IOException {
        URI uri = URI.create(baseUrl);
        if (certificate != null) {
            var plain = new Socket(uri.getHost(), uri.getPort());
            plain.setTcpNoDelay(true); // the handshake's small writes must not wait on delayed acknowledgements
            var tls = (SSLSocket) trust(certificate).getSocketFactory().createSocket(plain, uri.getHost(), uri.getPort(), true);
            tls.startHandshake();
            socket = tls;
        } else {
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.setTcpNoDelay(true);
        }
        socket.setSoTimeout(30_000);
    }

    /** The answer to come is to a HEAD request: it has a head only. */
    public RawHttp expectingHeadOnly(boolean headOnly) {
        this.headOnly = headOnly;
        return this;
    }

    private static final Map<Path, SSLContext> TRUST = new ConcurrentHashMap<>();

    /** One TLS context per certificate: made once, since thousands of connections share it. */
    private static SSLContext trust(Path certificate) throws IOException {
        try {
            return TRUST.computeIfAbsent(certificate, c -> {
                try {
                    return PinnedCertificate.trusting(c);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * Sends the bytes. A server may answer a request it refuses at its head before the body is all sent, and close:
     * the write then fails, and the answer is read as any other; only when there is none does the write's failure stand.
     */
    public RawHttp send(byte[] bytes) throws IOException {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (SocketException e) {
            unsent = e;
        }
        return this;
    }

    /** Waits at most this long for each read. */
    public RawHttp timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    /**
     * Reads the final answer (past any 100 Continue): until its announced body is complete, its chunks end, or the
     * server closes the connection. An answer with no body (HEAD, 204, 304) ends with its head.
     */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        var all = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        int start = 0;
        while (true) {
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n", start);
            if (headEnd >= 0) {
                String head = text.substring(start, headEnd);
                int status = head.startsWith("HTTP/") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
                if (status >= 100 && status < 200) {
                    start = headEnd + 4; // an interim answer: the final one follows
                    continue;
                }
                var length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
                boolean chunked = Pattern.compile("(?im)^transfer-encoding:.*chunked").matcher(head).find();
                if (status == 204 || status == 304 || headOnly
                        || length.find() && all.size() >= headEnd + 4 + Long.parseLong(length.group(1))
                        || chunked && text.endsWith("0\r\n\r\n")) {
                    break;
                }
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketException e) {
                break; // reset: the server closed on us
            }
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
        }
        String text = all.toString(StandardCharsets.UTF_8).substring(start);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") && unsent != null) {
            throw unsent;
        }
        if (!text.startsWith("HTTP/")) {
            return new Answer(0, "", text);
        }
        String head = end < 0 ? text : text.substring(0, end);
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, end < 0 ? "" : text.substring(end + 4));
    }

    public boolean closedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
