package org.devicelink.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running copy per user and data folder. The first copy holds a lock file and listens on a Unix-domain socket
 * beside it (both in the owner-only data folder, so no other user can reach it); a later copy hands its one line
 * (a {@code devicelink://} link, or nothing: "come to the front") to the first and exits. A lock decides who is
 * first, so two copies started at once cannot both become it, and a socket file left by a crash is simply replaced.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    /** How long a later copy waits for the first one to listen (it may be starting at the same moment). */
    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(10);
    private static final int MAX_LINE = 4096;

    private final FileChannel lockFile;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;

    private SingleInstance(FileChannel lockFile, FileLock lock, ServerSocketChannel server, Path socket) {
        this.lockFile = lockFile;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /** What {@link #claim} found: this copy is the first, or it handed its line to the first. */
    public sealed interface Claim {
        record First(SingleInstance instance) implements Claim {}

        record HandedOver() implements Claim {}
    }

    /**
     * Becomes the first copy, listening for later ones' lines (given to {@code onLine} on a thread of its own), or
     * hands {@code line} to the copy that already is.
     */
    public static Claim claim(Path folder, String line, Consumer<String> onLine) throws IOException {
        OwnerOnly.folder(folder);
        Path lockPath = folder.resolve("companion.lock");
        Path socket = folder.resolve("companion.sock");
        long deadline = System.nanoTime() + HANDOVER_WAIT.toNanos();
        while (true) {
            var channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            OwnerOnly.file(lockPath);
            FileLock lock = tryLock(channel);
            if (lock != null) {
                Files.deleteIfExists(socket); // left by a copy that ended without closing
                var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(socket));
                OwnerOnly.file(socket);
                var instance = new SingleInstance(channel, lock, server, socket);
                Thread.ofPlatform().daemon().name("single-instance").start(() -> instance.listen(onLine));
                return new Claim.First(instance);
            }
            channel.close();
            if (handOver(socket, line)) {
                return new Claim.HandedOver();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("DeviceLink is already running but does not answer (" + socket + ").");
            }
            sleep(); // the first copy holds the lock but is not listening yet
        }
    }

    /** The lock, or null when another copy holds it (another process, or this one: tests claim twice in one JVM). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static boolean handOver(Path socket, String line) {
        try (var channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             Writer out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8)) {
            out.write(oneLine(line) + "\n");
            out.flush();
            channel.shutdownOutput();
            // the answer says the first copy took the line; without it the line may be lost
            return Channels.newInputStream(channel).read() == 'k';
        } catch (IOException e) {
            return false;
        }
    }

    private void listen(Consumer<String> onLine) {
        while (server.isOpen()) {
            try (var channel = server.accept()) {
                var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), MAX_LINE);
                String line = readBounded(in);
                channel.write(ByteBuffer.wrap(new byte[] {'k'}));
                onLine.accept(line);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            } catch (RuntimeException e) {
                // the receiver's failure must not stop later copies from being heard
                LOG.warn("A handed-over line failed", e);
            }
        }
    }

    private static String readBounded(BufferedReader in) throws IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            if (line.length() < MAX_LINE) {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String oneLine(String line) {
        return Optional.ofNullable(line).orElse("").replace('\n', ' ').replace('\r', ' ');
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while handing over to the running DeviceLink", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
            lock.release();
            lockFile.close();
        } catch (IOException e) {
            // the process is ending; the next copy replaces what is left
        }
    }
}
