package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.PasswordText;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads secrets from where the CLI accepts them: environment variables and files, never arguments. */
final class SecretInput {

    private static final int MAX_FILE = 1 << 20;

    private SecretInput() {}

    static SecretValue optional(Map<String, String> environment, String variable, Path file, String what)
            throws InvalidInputException {
        requireOneSource(variable, file, what);
        if (variable != null) {
            return required(environment, variable, what);
        }
        if (file != null) {
            return SecretValue.of(new String(readFile(file, what + " file"), StandardCharsets.UTF_8).strip());
        }
        return SecretValue.empty();
    }

    /**
     * A PFX or key password from a variable or a file, by {@link PasswordText}'s rule: a leading byte order mark
     * and one final line ending are dropped, a line break inside is refused.
     */
    static SecretValue password(Map<String, String> environment, String variable, Path file, String what)
            throws InvalidInputException {
        requireOneSource(variable, file, what);
        if (variable != null) {
            return PasswordText.of("environment variable " + variable,
                    required(environment, variable, what).reveal());
        }
        if (file != null) {
            byte[] bytes = readFile(file, what + " file");
            try {
                return PasswordText.of(what + " file " + file, bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return SecretValue.empty();
    }

    private static void requireOneSource(@Nullable String variable, @Nullable Path file, String what)
            throws InvalidInputException {
        if (variable != null && file != null) {
            throw new InvalidInputException("Give the " + what + " either in an environment variable or in a file,"
                    + " not both.");
        }
    }

    static SecretValue required(Map<String, String> environment, String variable, String what)
            throws InvalidInputException {
        String value = environment.get(variable);
        if (value == null) {
            throw new InvalidInputException("Environment variable " + variable + " (the " + what + ") is not set:"
                    + " export it before running exo-token.");
        }
        return SecretValue.of(value);
    }

    /**
     * Reads a whole input file of at most 1 MiB. Only regular files: a named pipe without a writer would block
     * the run for ever, and a device such as {@code /dev/zero} never ends. The cap holds however much the file
     * turns out to hold, whatever its size said.
     */
    static byte[] readFile(Path file, String what) throws InvalidInputException {
        String shown = what + " " + Printable.escape(file.toString());
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new InvalidInputException("The " + shown + " is a directory: give the file itself.");
            }
            if (!attributes.isRegularFile()) {
                throw new InvalidInputException("The " + shown + " is not a regular file (a pipe, device or socket):"
                        + " save the content to a file and give that file.");
            }
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(MAX_FILE + 1);
            }
            if (content.length > MAX_FILE) {
                throw new InvalidInputException("The " + shown + " is larger than 1 MiB: is it the right file?");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("The " + shown + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("The " + shown + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            throw new InvalidInputException("The " + shown + " cannot be read: " + Printable.escape(e.getMessage()), e);
        }
    }
}
