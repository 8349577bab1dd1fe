package org.cecplatform.localstack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One launcher per data folder. An OS file lock, so it disappears with the process even after kill -9
 * (no stale lock to clean up by hand).
 */
final class LauncherLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private LauncherLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LauncherLock acquire(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another stack in this very JVM
        }
        if (lock == null) {
            String holder = Files.readString(file).trim();
            channel.close();
            throw new IllegalStateException("Another launcher" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + " is already using " + file.getParent() + "; stop it first or use another --data-dir.");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
        return new LauncherLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
