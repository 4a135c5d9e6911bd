package org.devicelink.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    public RawHttp(String baseUrl, Path certificate) throws IOException {
        URI uri = URI.create(baseUrl);
        if (certificate != null) {
            var tls = (SSLSocket) PinnedCertificate.trusting(certificate).getSocketFactory().createSocket(uri.getHost(), uri.getPort());
            tls.startHandshake();
            socket = tls;
        } else {
            socket = new Socket(uri.getHost(), uri.getPort());
        }
        socket.setSoTimeout(30_000);
    }

    public RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    public RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the server closes the connection or the answer's announced body is complete. */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        var all = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException e) {
                break; // reset: the server closed on us
            }
            if (n < 0) {
                break;
            }
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text.substring(0, headEnd));
                contentLength = length.find() ? Long.parseLong(length.group(1)) : -1;
            }
            if (headEnd >= 0 && contentLength >= 0 && all.size() >= headEnd + 4 + contentLength) {
                break;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
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
