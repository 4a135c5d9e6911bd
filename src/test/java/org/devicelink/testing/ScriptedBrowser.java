package org.devicelink.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devicelink.tls.PinnedCertificate;

/**
 * A person at a browser, scripted: opens the sign-in page, fills in the real form (keeping the cookies a browser
 * would), and lets the auto-posting answer go back to the app's loopback address.
 */
public final class ScriptedBrowser {

    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final HttpClient http;

    public record Page(int status, URI uri, String body, HttpResponse<String> raw) {
        public Map<String, String> hiddenFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = INPUT.matcher(body);
            while (m.find()) {
                fields.put(m.group(1), unescape(m.group(2)));
            }
            return fields;
        }

        public URI formAction() {
            Matcher m = ACTION.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form on the page:\n" + body);
            }
            return uri.resolve(unescape(m.group(1)));
        }
    }

    public ScriptedBrowser(Path trustedCertificate) {
        try {
            this.http = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure())
                    .sslContext(PinnedCertificate.trusting(trustedCertificate)).followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person opens the address themselves (typed, scanned, a bookmark): a browser says {@code Sec-Fetch-Site: none}. */
    public Page open(URI uri) {
        return openFrom("none", uri);
    }

    /** Another site (or, with "same-site", a neighbour) navigates this browser to the address: a link, a pop-up. */
    public Page openFrom(String site, URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Sec-Fetch-Site", site).GET().build());
    }

    /** Submits the login form on {@code loginPage} with these credentials (or "cancel"). */
    public Page submit(Page loginPage, String username, String password, String action) {
        Map<String, String> fields = loginPage.hiddenFields();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("action", action);
        return post(loginPage.formAction(), fields);
    }

    /** Does what the auto-posting page's script does: posts its hidden fields to its action. */
    public Page follow(Page autoPost) {
        return post(autoPost.formAction(), autoPost.hiddenFields());
    }

    public Page post(URI uri, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), request.uri(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As browsers do, loopback HTTP counts as a secure context: Secure cookies are kept and sent there as over HTTPS. */
    private static final class LoopbackIsSecure extends CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            if (!"http".equals(uri.getScheme()) || !List.of("127.0.0.1", "localhost").contains(uri.getHost())) {
                return uri;
            }
            try {
                return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    public static String unescape(String html) {
        // numeric entities as Mustache writes them (&#61; for =), then the named ones, &amp; last
        String numeric = Pattern.compile("&#(\\d+);").matcher(html)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
        return numeric.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
