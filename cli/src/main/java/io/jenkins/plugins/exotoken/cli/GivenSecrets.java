package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The secrets one run sends to a service — the client secrets its {@code --*secret-env} and {@code --*secret-file}
 * options point at, a managed-identity header — as a {@link Redactor} for everything the run prints on stderr:
 * an error line or a {@code --debug} log may carry a service's echo of a request. Certificate passwords are never
 * sent, so no answer can echo them (and a short one would mask ordinary words of a message).
 */
final class GivenSecrets {

    /** Secret files are small; a larger one is not read again here (reading it failed or will fail anyway). */
    private static final long MAX_FILE = 64 * 1024;

    private GivenSecrets() {}

    static Redactor redactor(ParseResult parsed, Map<String, String> environment) {
        Redactor redactor = Redactor.tokenShapes().withSecret(environment.get("IDENTITY_HEADER"));
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (OptionSpec option : level.matchedOptions()) {
                Object value = option.getValue();
                String name = option.longestName();
                if (!name.contains("secret")) {
                    continue;
                }
                if (name.endsWith("-env") && value instanceof String variable) {
                    redactor = redactor.withSecret(environment.get(variable));
                } else if (name.endsWith("-file") && value instanceof Path file) {
                    redactor = withFile(redactor, file);
                }
            }
        }
        return redactor;
    }

    private static Redactor withFile(Redactor redactor, Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE) {
                return redactor;
            }
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Redactor with = redactor.withSecret(content);
            for (String line : content.split("\\R")) {
                with = with.withSecret(line.replace("\uFEFF", "").strip());
            }
            return with;
        } catch (IOException | SecurityException e) {
            return redactor; // unreadable: its value never reached a request
        }
    }
}
