package org.devicelink.server.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import org.devicelink.server.store.ServerSecrets;

/**
 * An ES256 key that signs JWTs (device access tokens; the local provider's ID and access tokens), made by the first
 * node and shared with the others through the server's secrets, with its public half for a JWKS.
 */
public final class SigningKey {

    private final ECKey key;

    private SigningKey(ECKey key) {
        this.key = key;
    }

    /** The key stored under {@code name}, made on first use. */
    public static SigningKey shared(ServerSecrets secrets, String name) {
        String json = secrets.getOrCreate(name, SigningKey::generate);
        try {
            return new SigningKey(ECKey.parse(json));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key '" + name + "' is damaged: " + e.getMessage(), e);
        }
    }

    /** Signs the claims as a JWT of this {@code typ} ({@code at+jwt} for access tokens, {@code JWT} for ID tokens). */
    public String sign(JWTClaimsSet claims, String type) {
        var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).keyID(key.getKeyID()).build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    private static String generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make an EC P-256 key", e);
        }
    }
}
