package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file the CLI creates: never replaces an existing file unless forced, and when it holds a secret it is owner-only
 * from its creation on (no moment in which others could open it), on file systems with POSIX permissions.
 */
record OutputFile(Path path, String what, boolean ownerOnly) {

    /** Refuses early, before any work, when the file exists and may not be replaced. */
    void requireAbsentUnless(boolean force) throws InvalidInputException {
        if (!force && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw exists();
        }
    }

    /**
     * Writes the bytes. Without {@code force} the file is created only if it does not exist, atomically; with it,
     * the bytes go to a new file beside it that then replaces it in one rename, so a reader never sees half a file.
     */
    void write(byte[] content, boolean force) throws InvalidInputException {
        Path absolute = path.toAbsolutePath();
        try {
            if (force) {
                Path temporary = Files.createTempFile(absolute.getParent(), ".exo-token-", ".tmp", attributes());
                try {
                    write(temporary, content, Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            } else {
                write(absolute, content, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            }
        } catch (FileAlreadyExistsException e) {
            throw exists();
        } catch (IOException e) {
            throw new InvalidInputException("The " + what + " " + shown() + " cannot be written: "
                    + Printable.escape(e.getMessage()) + ". Check the folder exists and is writable.", e);
        }
    }

    private void write(Path file, byte[] content, Set<StandardOpenOption> options) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes())) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private FileAttribute<?>[] attributes() {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        return ownerOnly && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private InvalidInputException exists() {
        return new InvalidInputException("The " + what + " " + shown() + " already exists: choose another file, or add"
                + " --force to replace it.");
    }

    private String shown() {
        return Printable.escape(path.toString());
    }
}
