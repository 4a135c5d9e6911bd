package org.devicelink.code;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The page a person is sent to from a device ({@code verification_uri}) and the same page with the code in it
 * ({@code verification_uri_complete}), which is what the device's QR carries.
 *
 * <p>A link is only trusted when it points at the configured server's verification page: same scheme, host and
 * port, same path. Anything else (another host, http instead of https, no code) is refused with the reason, since
 * a QR can be printed by anyone.
 */
public record VerificationLink(URI page) {

    public static final String CODE_PARAMETER = "code";
    /** The desktop deep link the verification page offers to the companion. */
    public static final String APP_SCHEME = "devicelink";

    public VerificationLink {
        if (page.getScheme() == null || page.getHost() == null) {
            throw new IllegalArgumentException("verification page must be an absolute URL: " + page);
        }
    }

    /** {@code https://host/link?code=WDJB-MJHT}: what the QR on the device carries. */
    public URI withCode(UserCode code) {
        return URI.create(page + "?" + CODE_PARAMETER + "=" + code.display());
    }

    /** {@code devicelink://link?code=WDJBMJHT}: opens the companion on its link screen. */
    public static URI appLink(UserCode code) {
        return URI.create(APP_SCHEME + "://link?" + CODE_PARAMETER + "=" + URLEncoder.encode(code.display(), StandardCharsets.UTF_8));
    }

    /** Reads a scanned or clicked link: the code it carries, or why it is not one of ours. */
    public Scanned read(String text) {
        if (text == null || text.isBlank()) {
            return new Scanned.Refused("The QR code is empty.");
        }
        if (text.length() > 2048) {
            return new Scanned.Refused("The QR code holds too much text to be a DeviceLink code.");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (Exception e) {
            return new Scanned.Refused("The QR code does not hold a web address.");
        }
        boolean appLink = APP_SCHEME.equalsIgnoreCase(uri.getScheme());
        if (!appLink) {
            if (uri.getHost() == null) {
                return new Scanned.Refused("The QR code does not hold a web address.");
            }
            if (!sameOrigin(uri)) {
                return new Scanned.Refused("This QR code points to " + uri.getHost()
                        + ", not to your DeviceLink server (" + page.getHost() + "). Do not use it: it may be phishing.");
            }
            if (!normalizedPath(uri).equals(normalizedPath(page))) {
                return new Scanned.Refused("This QR code points to another page of " + uri.getHost()
                        + ", not to the device link page.");
            }
        } else if (!"link".equalsIgnoreCase(uri.getHost())) {
            return new Scanned.Refused("This DeviceLink link does not open the link screen.");
        }
        Optional<String> code = queryParameter(uri, CODE_PARAMETER);
        if (code.isEmpty()) {
            return new Scanned.Refused("The link has no code in it. Type the code shown on your device.");
        }
        return switch (UserCode.parse(code.get())) {
            case UserCode.Parsed.Valid(UserCode c) -> new Scanned.Code(c);
            case UserCode.Parsed.Invalid invalid -> new Scanned.Refused("The link's code is not valid: " + invalid.message());
        };
    }

    private boolean sameOrigin(URI uri) {
        return page.getScheme().equalsIgnoreCase(uri.getScheme())
                && page.getHost().equalsIgnoreCase(uri.getHost())
                && effectivePort(page) == effectivePort(uri);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }

    private static String normalizedPath(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Optional<String> queryParameter(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** The outcome of {@link #read(String)}. */
    /**
     * Of the texts of several QR codes in one picture (a page may show an app-store code beside the device's): ours
     * when one is; else the first, refused with its reason. At least one text.
     */
    public Scanned readAny(java.util.List<String> texts) {
        return texts.stream().map(this::read).filter(Scanned.Code.class::isInstance).findFirst()
                .orElseGet(() -> read(texts.getFirst()));
    }

    public sealed interface Scanned {
        record Code(UserCode code) implements Scanned {}

        record Refused(String reason) implements Scanned {}
    }
}
