package org.devicelink.server.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.devicelink.protocol.ProblemType;
import org.devicelink.protocol.Role;
import org.devicelink.server.http.ApiProblem;

/**
 * Checks the bearer token on each companion API call: signature against the issuer's JWKS, issuer, audience,
 * expiry (with a minute of clock skew), scope. Accepts only issuers it was told to trust.
 */
public final class BearerTokens {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final Map<String, Verifier> byIssuer = new HashMap<>();
    private final Accounts accounts;
    private final Clock clock;

    /**
     * Whether a sign-in still stands. An issuer that can end one before its tokens expire (the local provider: refresh
     * token reuse, a removed account) names it in each token's {@code sid}; its tokens stop the moment it ends.
     */
    public interface SignIns {
        boolean active(String signIn);

        /** An outside provider's (Entra's): its tokens stand until they expire, which is why they should be short. */
        SignIns UNTIL_EXPIRY = signIn -> true;
    }

    private record Verifier(TrustedIssuer issuer, DefaultJWTProcessor<SecurityContext> processor, SignIns signIns) {}

    /** @param clock what a token's times are judged by: the server's, so that a test that moves time moves this too */
    public BearerTokens(List<TrustedIssuer> issuers, Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
        for (TrustedIssuer issuer : issuers) {
            JWKSource<SecurityContext> keys;
            try {
                keys = JWKSourceBuilder.create(issuer.jwksUri().toURL()).retrying(true).build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("trust." + issuer.name() + ".jwks-uri is not a URL: " + issuer.jwksUri(), e);
            }
            trust(issuer, keys, SignIns.UNTIL_EXPIRY);
        }
    }

    /** Trusts an issuer whose keys and sign-ins are at hand (the in-process local provider) rather than fetched. */
    public void trust(TrustedIssuer issuer, JWKSource<SecurityContext> keys, SignIns signIns) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // Entra ID says typ JWT; RFC 9068 access tokens (the local provider's) say at+jwt
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(
                issuer.audience(),
                new JWTClaimsSet.Builder().issuer(issuer.issuer()).build(),
                Set.of("sub", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew(60);
        processor.setJWTClaimsSetVerifier(verifier);
        byIssuer.put(issuer.issuer(), new Verifier(issuer, processor, signIns));
    }

    /** The account behind an {@code Authorization} header; an {@code unauthenticated} problem that says why not. */
    public Account authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw refused("no-token");
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("not-bearer");
        }
        String token = authorizationHeader.substring(7).strip();
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw refused("too-long");
        }
        String issuerName;
        try {
            issuerName = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw refused("not-jwt");
        }
        Verifier verifier = issuerName == null ? null : byIssuer.get(issuerName);
        if (verifier == null) {
            throw refused("untrusted", issuerName == null ? "an unnamed issuer" : issuerName);
        }
        JWTClaimsSet claims;
        try {
            claims = verifier.processor().process(token, null);
        } catch (ExpiredJWTException e) {
            throw refused("expired");
        } catch (BadJWTException e) {
            throw refused("refused", e.getMessage());
        } catch (BadJOSEException e) {
            throw refused("signature");
        } catch (JOSEException | ParseException e) {
            throw refused("unchecked", e.getMessage());
        }
        String required = verifier.issuer().scope();
        if (!required.isEmpty() && !scopes(claims).contains(required)) {
            throw refused("scope", required);
        }
        var most = verifier.issuer().maxLifetime();
        if (most != null && lifetime(claims).compareTo(most) > 0) {
            throw refused("long-lived", issuerName, most.toMinutes());
        }
        String signIn = text(claims, "sid");
        if (signIn != null && !verifier.signIns().active(signIn)) {
            throw refused("ended");
        }
        return accounts.findOrCreate(verifier.issuer().issuer(), claims.getSubject(), displayName(claims), email(claims), roles(claims),
                text(claims, "family")).signedInAs(signIn);
    }

    /** Whether the sign-in behind an account's token still stands: asked again by what outlives one request. */
    public boolean stillSignedIn(Account account) {
        Verifier verifier = byIssuer.get(account.issuer());
        return verifier != null && (account.signIn() == null || verifier.signIns().active(account.signIn()));
    }

    /** How long the token was made to live: from its issue (or now, when it says none) to its expiry. */
    private Duration lifetime(JWTClaimsSet claims) {
        var from = claims.getIssueTime() != null ? claims.getIssueTime().toInstant() : clock.instant();
        return Duration.between(from, claims.getExpirationTime().toInstant());
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        for (String claim : List.of("scp", "scope")) {
            Object value = claims.getClaim(claim);
            if (value instanceof String s) {
                return Arrays.asList(s.split(" "));
            }
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }

    private static String displayName(JWTClaimsSet claims) {
        for (String claim : List.of("name", "preferred_username", "email")) {
            Object value = claims.getClaim(claim);
            if (value instanceof String s && !s.isBlank()) {
                return s.length() > 255 ? s.substring(0, 255) : s;
            }
        }
        return null;
    }

    private static ApiProblem refused(String why, Object... args) {
        return new ApiProblem(ProblemType.UNAUTHENTICATED, "problem.unauthenticated." + why, args);
    }

    /** The roles the provider gives (unknown ones are ignored); a member when it gives none. */
    /** The provider's {@code email} claim when it looks like one address: it becomes a mail header, so no line breaks. */
    private static String email(JWTClaimsSet claims) {
        return claims.getClaim("email") instanceof String s && s.length() <= MAX_EMAIL && EMAIL.matcher(s).matches() ? s : null;
    }

    private static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]+@[^\\s\\p{Cntrl}@<>,;\"]+\\.[^\\s\\p{Cntrl}@<>,;\"]+");

    private static Set<Role> roles(JWTClaimsSet claims) {
        Object value = claims.getClaim("roles");
        Set<Role> roles = value instanceof List<?> list
                ? list.stream().map(String::valueOf).map(Role::fromWire).flatMap(Optional::stream).collect(Collectors.toSet())
                : Set.of();
        return roles.isEmpty() ? Set.of(Role.MEMBER) : roles;
    }

    private static String text(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s && !s.isBlank() && s.length() <= 64 ? s : null;
    }
}
