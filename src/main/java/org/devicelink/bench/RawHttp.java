package org.devicelink.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.devicelink.i18n.Messages;
import org.devicelink.protocol.ProtocolJson;

/**
 * One keep-alive HTTP/1.1 connection, as a device holds one: a request at a time, reconnected when the server closes
 * it. Bare on purpose, like wrk's: a load tool that costs little leaves the machine's cores to the server it measures.
 */
final class RawHttp implements AutoCloseable {

    /** An answer: status, headers (names in lower case) and body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        void expect(int wanted, String what) throws IOException {
            if (status != wanted) {
                throw new IOException(Messages.get("bench.answered", what, status, text()));
            }
        }

        /** The status, and for an OAuth error its code: {@code 400 authorization_pending}. */
        String name() {
            if (status == 400 && body.length > 0 && body[0] == '{') {
                try {
                    return "400 " + ProtocolJson.MAPPER.readTree(body).path("error").asText();
                } catch (IOException e) {
                    return "400";
                }
            }
            return Integer.toString(status);
        }

        /** The seconds a 429 or 503 asks to wait, when it is a few; -1 otherwise. */
        long askedToWaitSeconds() {
            String header = headers.get("retry-after");
            if ((status != 429 && status != 503) || header == null || !header.matches("\\d{1,2}")) {
                return -1;
            }
            long seconds = Long.parseLong(header);
            return seconds <= 5 ? seconds : -1;
        }
    }

    private final String host;
    private final int port;
    private final SSLSocketFactory tls;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(URI server, SSLSocketFactory tls) {
        this.host = server.getHost();
        this.port = server.getPort() != -1 ? server.getPort() : "https".equals(server.getScheme()) ? 443 : 80;
        this.tls = "https".equals(server.getScheme()) ? tls : null;
        this.hostHeader = server.getRawAuthority();
    }

    Response get(String path, Map<String, String> headers) throws IOException {
        return send("GET", path, headers, null, null);
    }

    Response post(String path, Map<String, String> headers, String contentType, String body) throws IOException {
        return send("POST", path, headers, contentType, body);
    }

    Response send(String method, String path, Map<String, String> headers, String contentType, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nUser-Agent: devicelink-bench\r\nAccept: application/json\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        if (contentType != null) {
            request.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null || "POST".equals(method)) {
            request.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        request.append("\r\n");
        byte[] head = request.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; ; attempt++) {
            try {
                if (socket == null) {
                    open();
                }
                out.write(head);
                out.write(payload);
                out.flush();
                return read();
            } catch (IOException e) {
                closeSocket();
                if (attempt > 0) {
                    throw e;
                }
                // the server closed an idle connection: send it again once, on a new one
            }
        }
    }

    private void open() throws IOException {
        Socket plain = new Socket();
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress(host, port), 5_000);
        socket = tls != null ? tls.createSocket(plain, host, port, true) : plain;
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException(Messages.get("bench.notHttp", status));
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                all.write(in.readNBytes(size));
                line();
            }
            line();
            body = all.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            closeSocket();
        }
        return new Response(code, headers, body);
    }

    private String line() throws IOException {
        var line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException(Messages.get("bench.closed"));
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // going anyway
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
    }
}
