package org.devicelink.server.issuer;

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

/** The local provider's ES256 signing key (its own, apart from the device-token key), shared through the database. */
final class IssuerKeys {

    private final ECKey key;

    IssuerKeys(ServerSecrets secrets) {
        String json = secrets.getOrCreate("local-issuer-signing-key", () -> {
            try {
                return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate().toJSONString();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            key = ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The stored sign-in key is damaged: " + e.getMessage(), e);
        }
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    String sign(JWTClaimsSet claims, String type) {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
