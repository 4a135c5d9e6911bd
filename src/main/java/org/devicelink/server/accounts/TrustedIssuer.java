package org.devicelink.server.accounts;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An identity provider whose access tokens the companion API accepts (Entra ID in production, the local
 * provider on the embedded default). Set as {@code trust.NAME.issuer}, {@code .jwks-uri}, {@code .audience} and
 * optionally {@code .scope} (a scope the token must carry; empty: none required) and {@code .max-lifetime}.
 *
 * @param maxLifetime the longest lifetime its tokens may have ({@code exp} less {@code iat}); null for the local
 *                    provider, whose sign-ins end their tokens at once. An outside provider's tokens cannot be ended
 *                    early, so they must be short: by default 10 minutes (Entra's least).
 */
public record TrustedIssuer(String name, String issuer, URI jwksUri, String audience, String scope, Duration maxLifetime) {

    public static final List<String> FIELDS = List.of("issuer", "jwks-uri", "audience", "scope", "max-lifetime");
    static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(10);

    public static List<TrustedIssuer> fromSettings(Map<String, String> values) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (var entry : values.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("trust.")) {
                continue;
            }
            int dot = key.lastIndexOf('.');
            String name = key.substring("trust.".length(), Math.max(dot, "trust.".length()));
            String field = key.substring(dot + 1);
            if (name.isEmpty() || !FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "': trusted issuers are set as trust.NAME."
                        + String.join("|", FIELDS));
            }
            byName.computeIfAbsent(name, n -> new TreeMap<>()).put(field, entry.getValue().strip());
        }
        var issuers = new ArrayList<TrustedIssuer>();
        byName.forEach((name, fields) -> {
            for (String required : List.of("issuer", "jwks-uri", "audience")) {
                if (fields.getOrDefault(required, "").isEmpty()) {
                    throw new IllegalArgumentException("Trusted issuer '" + name + "' needs trust." + name + "." + required);
                }
            }
            URI jwks;
            try {
                jwks = URI.create(fields.get("jwks-uri"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trust." + name + ".jwks-uri is not a URL: " + fields.get("jwks-uri"));
            }
            Duration maxLifetime = DEFAULT_MAX_LIFETIME;
            if (fields.containsKey("max-lifetime")) {
                try {
                    maxLifetime = Duration.ofSeconds(Integer.parseInt(fields.get("max-lifetime")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("trust." + name + ".max-lifetime is seconds, 60 to 86400: "
                            + fields.get("max-lifetime"));
                }
                if (maxLifetime.toSeconds() < 60 || maxLifetime.toSeconds() > 86_400) {
                    throw new IllegalArgumentException("trust." + name + ".max-lifetime is seconds, 60 to 86400: "
                            + fields.get("max-lifetime"));
                }
            }
            issuers.add(new TrustedIssuer(name, fields.get("issuer"), jwks, fields.get("audience"), fields.getOrDefault("scope", ""),
                    maxLifetime));
        });
        return List.copyOf(issuers);
    }
}
