package io.jenkins.plugins.exotoken.core.tokenfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A token file on this machine. Each {@link #write} goes to a new file beside it, created readable and writable by
 * its owner only (where the file system has POSIX permissions; elsewhere it inherits its directory's access, so
 * put it in a private directory), synced, then moved over the file in one atomic step.
 *
 * <p>On Windows the move fails while a reader holds the file open without sharing deletion; the caller's next
 * attempt replaces it.
 */
public final class LocalTokenFile implements TokenFileTarget {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;

    public LocalTokenFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public void write(byte[] token) throws IOException {
        Path parent = file.getParent();
        FileAttribute<?>[] ownerOnly = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(parent, "." + file.getFileName() + ".", ".tmp", ownerOnly);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(token);
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true); // a crash right after the move leaves the new token, not an empty file
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp); // after a failure; after the move it is gone already
        }
    }

    @Override
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public String toString() {
        return "LocalTokenFile[" + file + "]";
    }
}
