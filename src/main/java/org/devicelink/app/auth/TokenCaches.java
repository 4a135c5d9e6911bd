package org.devicelink.app.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import com.microsoft.aad.msal4jextensions.PersistenceSettings;
import com.microsoft.aad.msal4jextensions.PersistenceTokenCacheAccessAspect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.devicelink.platform.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where MSAL's token cache is kept between runs: the OS's secret store (Windows DPAPI, macOS Keychain, Linux
 * Secret Service) through msal4j-persistence-extension; where that is missing (a Linux without a keyring), a file
 * only its owner can read, and the log says so.
 */
public final class TokenCaches {

    private static final Logger LOG = LoggerFactory.getLogger(TokenCaches.class);
    static final String FILE_NAME = "msal-token-cache.json";

    private TokenCaches() {}

    public static ITokenCacheAccessAspect forDirectory(Path dir) {
        return forDirectory(dir, () -> secretStore(dir));
    }

    /** The secret store {@code secretStore} opens, or the owner-only file in {@code dir} when it cannot be opened. */
    static ITokenCacheAccessAspect forDirectory(Path dir, Callable<ITokenCacheAccessAspect> secretStore) {
        try {
            OwnerOnly.folder(dir);
            return secretStore.call();
        } catch (Exception | Error e) {
            // without a working Secret Service the extension throws Errors (UnsatisfiedLinkError, JNA's Error)
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            LOG.info("No OS secret store for the sign-in cache ({}); keeping it in {} readable by you only.",
                    e.getClass().getSimpleName(), dir.resolve(FILE_NAME));
            return ownerOnlyFile(dir.resolve(FILE_NAME));
        }
    }

    /** The OS's secret store through msal4j-persistence-extension; throws where there is none. */
    private static ITokenCacheAccessAspect secretStore(Path dir) throws IOException {
        var settings = PersistenceSettings.builder(FILE_NAME, dir)
                .setMacKeychain("DeviceLink", "MSAL token cache")
                .setLinuxKeyring(null, "org.devicelink.tokencache", "DeviceLink token cache",
                        "application", "devicelink", null, null)
                .build();
        return new PersistenceTokenCacheAccessAspect(settings);
    }

    /** A plain-file cache with owner-only permissions, written atomically. */
    public static ITokenCacheAccessAspect ownerOnlyFile(Path file) {
        return new OwnerOnlyFile(file);
    }

    record OwnerOnlyFile(Path file) implements ITokenCacheAccessAspect {
        @Override
        public void beforeCacheAccess(ITokenCacheAccessContext context) {
            try {
                if (Files.exists(file)) {
                    context.tokenCache().deserialize(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the sign-in cache " + file, e);
            }
        }

        @Override
        public void afterCacheAccess(ITokenCacheAccessContext context) {
            if (!context.hasCacheChanged()) {
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), "cache", ".tmp");
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, context.tokenCache().serialize(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot save the sign-in cache " + file, e);
            }
        }
    }

}
