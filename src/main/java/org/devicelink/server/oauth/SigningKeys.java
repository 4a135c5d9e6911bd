package org.devicelink.server.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import org.devicelink.server.store.ServerSecrets;

/**
 * The ES256 key that signs device access tokens, shared by every node through the database, with its public half
 * published at {@code /oauth2/jwks}.
 */
public final class SigningKeys {

    private final ECKey key;

    public SigningKeys(ServerSecrets secrets) {
        String json = secrets.getOrCreate("device-token-signing-key", SigningKeys::generate);
        try {
            this.key = ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key is damaged: " + e.getMessage(), e);
        }
    }

    public ECKey privateKey() {
        return key;
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    private static String generate() {
        try {
            ECKey generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            return generated.toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make an EC P-256 key", e);
        }
    }
}
