package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.cache.DaemonThreadFactory;
import io.jenkins.plugins.exotoken.core.tokenfile.LocalTokenFile;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewalFailure;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewalListener;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewingTokenFile;
import io.jenkins.plugins.exotoken.core.tokenfile.TokenSupply;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * {@code exec --token-file}: the token in a file of a new private temporary directory (700), renewed by core's
 * {@link RenewingTokenFile} while the command runs; {@link #close} removes file and directory, once, from
 * whichever thread comes first (the end of the command, or the shutdown hook of a signalled CLI).
 */
final class RenewedTokenFile implements AutoCloseable {

    static final String FILE_NAME = "access-token";

    private final Path directory;
    private final ScheduledExecutorService scheduler;
    private final RenewingTokenFile file;

    private RenewedTokenFile(Path directory, ScheduledExecutorService scheduler, RenewingTokenFile file) {
        this.directory = directory;
        this.scheduler = scheduler;
        this.file = file;
    }

    static RenewedTokenFile start(TokenOptions.Session session, PrintWriter err)
            throws IOException, InterruptedException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        Path directory = Files.createTempDirectory("exo-token-", ownerOnly);
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("token-file"));
        RenewalListener warn = new RenewalListener() {
            @Override
            public void renewalFailed(RenewalFailure failure) {
                synchronized (err) {
                    err.println("warning: " + failure.message());
                    err.flush();
                }
            }
        };
        try {
            RenewingTokenFile file = RenewingTokenFile.start(new LocalTokenFile(directory.resolve(FILE_NAME)),
                    session.token(), TokenSupply.renewing(session.engine().tokens(), session.request()),
                    new RenewingTokenFile.Schedule(scheduler, Clock.systemUTC(), session.request().minimumValidity()),
                    warn);
            return new RenewedTokenFile(directory, scheduler, file);
        } catch (IOException | InterruptedException | RuntimeException e) {
            scheduler.shutdownNow();
            deleteDirectory(directory);
            throw e;
        }
    }

    Path path() {
        return directory.resolve(FILE_NAME);
    }

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        scheduler.shutdownNow();
        file.close();
        deleteDirectory(directory);
    }

    /** The directory and whatever is left in it (nothing, unless a write was cut short by the end of the JVM). */
    private static void deleteDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> left = Files.list(directory)) {
                for (Path path : left.toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        Files.deleteIfExists(directory);
    }
}
