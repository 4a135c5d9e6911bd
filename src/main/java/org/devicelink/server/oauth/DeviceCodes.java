package org.devicelink.server.oauth;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.devicelink.server.store.KeyedHash;

/**
 * A device code: its request's row id (22 characters) and then a secret of 256 bits (43), both base64url. A poll finds
 * its row by the id, on the primary key, and is answered only when the whole code's keyed hash matches the row's. A
 * code looked up by its hash alone needed a unique index of random hashes, and every new code wrote a random page of
 * it at every group commit: device authorizations ran 15-20 % faster without it.
 */
final class DeviceCodes {

    private static final int ID_LENGTH = 22;
    private static final int SECRET_LENGTH = 43;
    private static final int LENGTH = ID_LENGTH + SECRET_LENGTH;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private DeviceCodes() {}

    static String issue(String rowId, SecureRandom random) {
        var uuid = UUID.fromString(rowId);
        byte[] id = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id) + KeyedHash.newToken(random);
    }

    /** Whether this is a code of the format before this one (a secret alone): it has expired, as far as its device knows. */
    static boolean older(String deviceCode) {
        return deviceCode.length() == SECRET_LENGTH && BASE64URL.matcher(deviceCode).matches();
    }

    /** The row id a device code names, if it is one this server could have issued. */
    static Optional<String> rowId(String deviceCode) {
        if (deviceCode.length() != LENGTH) {
            return Optional.empty();
        }
        try {
            var id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(deviceCode.substring(0, ID_LENGTH)));
            return Optional.of(new UUID(id.getLong(), id.getLong()).toString());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
