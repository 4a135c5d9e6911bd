package org.devicelink.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders and files only their owner may use: {@code 0700} folders and {@code 0600} files on Linux and macOS, an ACL
 * that grants the owner alone on Windows. The data folder holds signing keys, the code-hashing key, password hashes
 * and sign-in tokens, so DeviceLink checks it at every start: it tightens what is too open and refuses a folder that
 * belongs to another user.
 */
public final class OwnerOnly {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Makes {@code dir} (creating it) and everything in it owner-only; refuses a folder another user owns. */
    public static Path folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        UserPrincipal owner = Files.getOwner(dir);
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.getName().equals(me.getName())) {
            throw new IOException("The folder " + dir + " belongs to " + owner.getName() + ", not to " + me.getName()
                    + ". DeviceLink keeps keys and sign-ins there, so it uses only a folder of your own: choose another folder, "
                    + "or give this one to " + me.getName() + ".");
        }
        tighten(dir, true);
        try (Stream<Path> inside = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) inside.skip(1)::iterator) {
                if (!Files.isSymbolicLink(path)) {
                    tighten(path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        return dir;
    }

    /** {@link #folder}, for callers that can only fail: the reason stands in the exception's message. */
    public static Path folderOrFail(Path dir) {
        try {
            return folder(dir);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Makes one file owner-only. */
    public static void file(Path file) throws IOException {
        tighten(file, false);
    }

    private static void tighten(Path path, boolean folder) throws IOException {
        var posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Set<PosixFilePermission> wanted = folder ? FOLDER : FILE;
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (!now.equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
                if (!wanted.containsAll(now)) {
                    LOG.info("{} was open to others ({}); it is now for its owner only ({}).", path,
                            PosixFilePermissions.toString(now), PosixFilePermissions.toString(wanted));
                }
            }
            return;
        }
        var acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            var ownerOnly = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
            if (!acl.getAcl().equals(List.of(ownerOnly))) {
                acl.setAcl(List.of(ownerOnly));
            }
        }
    }
}
