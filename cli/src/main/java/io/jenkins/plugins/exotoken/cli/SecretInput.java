package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.PasswordText;
import io.jenkins.plugins.exotoken.core.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** Reads secrets from where the CLI accepts them: environment variables and files, never arguments. */
final class SecretInput {

    private static final long MAX_FILE = 1 << 20;

    private SecretInput() {}

    static SecretValue optional(Map<String, String> environment, String variable, Path file, String what)
            throws InvalidInputException {
        if (variable != null && file != null) {
            throw new InvalidInputException("Give the " + what + " either in an environment variable or in a file,"
                    + " not both.");
        }
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
        if (variable != null && file != null) {
            throw new InvalidInputException("Give the " + what + " either in an environment variable or in a file,"
                    + " not both.");
        }
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

    static SecretValue required(Map<String, String> environment, String variable, String what)
            throws InvalidInputException {
        String value = environment.get(variable);
        if (value == null) {
            throw new InvalidInputException("Environment variable " + variable + " (the " + what + ") is not set:"
                    + " export it before running exo-token.");
        }
        return SecretValue.of(value);
    }

    static byte[] readFile(Path file, String what) throws InvalidInputException {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException("The " + what + " " + file + " is a directory: give the file itself.");
            }
            if (Files.size(file) > MAX_FILE) {
                throw new InvalidInputException("The " + what + " " + file + " is larger than 1 MiB: is it the right"
                        + " file?");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("The " + what + " " + file + " does not exist.");
        } catch (IOException e) {
            throw new InvalidInputException("The " + what + " " + file + " cannot be read: " + e.getMessage());
        }
    }
}
