package org.devicelink.code;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
            return new Scanned.Refused(Refusal.EMPTY, null, page.getHost());
        }
        if (text.length() > 2048) {
            return new Scanned.Refused(Refusal.TOO_LONG, null, page.getHost());
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (Exception e) {
            return new Scanned.Refused(Refusal.NOT_A_LINK, null, page.getHost());
        }
        boolean appLink = APP_SCHEME.equalsIgnoreCase(uri.getScheme());
        if (!appLink) {
            if (uri.getHost() == null) {
                return new Scanned.Refused(Refusal.NOT_A_LINK, null, page.getHost());
            }
            if (!sameOrigin(uri)) {
                return new Scanned.Refused(Refusal.FOREIGN_HOST, uri.getHost(), page.getHost());
            }
            if (!normalizedPath(uri).equals(normalizedPath(page))) {
                return new Scanned.Refused(Refusal.OTHER_PAGE, uri.getHost(), page.getHost());
            }
        } else if (!"link".equalsIgnoreCase(uri.getHost())) {
            return new Scanned.Refused(Refusal.NOT_THE_LINK_SCREEN, null, page.getHost());
        }
        Optional<String> code = queryParameter(uri, CODE_PARAMETER);
        if (code.isEmpty()) {
            return new Scanned.Refused(Refusal.NO_CODE, uri.getHost(), page.getHost());
        }
        return switch (UserCode.parse(code.get())) {
            case UserCode.Parsed.Valid(UserCode c) -> new Scanned.Code(c);
            case UserCode.Parsed.Invalid invalid -> new Scanned.Refused(Refusal.BAD_CODE, uri.getHost(), page.getHost(), invalid);
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
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /**
     * Of the texts of several QR codes in one picture (a page may show an app-store code beside the device's): ours
     * when one is; else the first, refused with its reason. At least one text.
     */
    public Scanned readAny(List<String> texts) {
        return texts.stream().map(this::read).filter(Scanned.Code.class::isInstance).findFirst()
                .orElseGet(() -> read(texts.getFirst()));
    }

    /** Why a scanned or clicked link is not taken. */
    public enum Refusal {
        EMPTY, TOO_LONG, NOT_A_LINK, FOREIGN_HOST, OTHER_PAGE, NOT_THE_LINK_SCREEN, NO_CODE, BAD_CODE
    }

    /** The outcome of {@link #read(String)}. */
    public sealed interface Scanned {
        record Code(UserCode code) implements Scanned {}

        /**
         * @param host    the host the link points to, when it has one
         * @param ourHost the configured server's host
         */
        record Refused(Refusal refusal, String host, String ourHost, UserCode.Parsed.Invalid badCode) implements Scanned {

            Refused(Refusal refusal, String host, String ourHost) {
                this(refusal, host, ourHost, null);
            }

            /**
             * The key of the sentence in the strings bundle that warns about it, its slots the two hosts; a link with a
             * bad code is explained as a typed one would be.
             */
            public String messageKey() {
                return badCode != null ? badCode.messageKey()
                        : "scan.refused." + refusal.name().toLowerCase(Locale.ROOT).replace('_', '-');
            }

            public Object[] messageArguments() {
                return badCode != null ? badCode.messageArguments() : new Object[] {host, ourHost};
            }
        }
    }
}
