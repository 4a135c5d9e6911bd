package org.devicelink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.devicelink.testing.Databases;
import org.devicelink.testing.LinkServerFixture;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answered write is on the device, not only in the operating system's cache. A killed server cannot show that (the
 * page cache survives it), so the database's files go through a seam that records, in order, each write to them and
 * each {@code force()} that returned; the test adds the moment its answer arrived. With {@code database.power-safe}
 * (the default) a force follows the request's last write before the answer; without it none does, which shows the
 * seam sees the difference.
 */
public class ForcedBeforeAnsweredTest {

    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @Test
    void aWriteIsAnsweredOnlyAfterItIsForcedToTheDevice() {
        FilePath.register(new Recorded());
        for (boolean powerSafe : List.of(true, false)) {
            Path data = dir.resolve("power-safe-" + powerSafe);
            try (var fixture = new LinkServerFixture(Databases.H2, data, Map.of("database.url", "jdbc:h2:recorded:"
                    + data.resolve("devicelink"),
                    "database.power-safe", Boolean.toString(powerSafe)))) {
                EVENTS.clear();
                EVENTS.add("asked");
                var answer = fixture.http().form("/oauth2/device_authorization", Map.of("client_id", "demo-console", "device_name", "TV"));
                EVENTS.add("answered");
                assertThat(answer.status()).isEqualTo(200);

                List<String> seen = List.copyOf(EVENTS);
                int answered = seen.indexOf("answered");
                int lastWrite = seen.subList(0, answered).lastIndexOf("write");
                assertThat(lastWrite).as("the request wrote to the database's files before its answer").isPositive();
                boolean forcedAfter = seen.subList(lastWrite, answered).contains("forced");
                assertThat(forcedAfter).as("power-safe %s: a force after the last write, before the answer: %s", powerSafe, seen)
                        .isEqualTo(powerSafe);
            }
        }
    }

    /** H2's files under {@code recorded:}, each write and each completed force noted in {@link #EVENTS}. */
    public static final class Recorded extends FilePathWrapper {
        public Recorded() {}

        @Override
        public String getScheme() {
            return "recorded";
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return new RecordedChannel(getBase().open(mode));
        }
    }

    private static final class RecordedChannel extends FileChannel {
        private final FileChannel base;

        RecordedChannel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            EVENTS.add("write");
            return base.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            EVENTS.add("write");
            return base.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            EVENTS.add("write");
            return base.write(src, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
            EVENTS.add("forced");
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return base.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            EVENTS.add("write");
            base.truncate(size);
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return base.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            EVENTS.add("write");
            return base.transferFrom(src, position, count);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return base.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return base.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
