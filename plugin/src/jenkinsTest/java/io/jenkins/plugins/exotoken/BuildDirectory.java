package io.jenkins.plugins.exotoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Searches a build's directory (logs, build.xml, program state) for a value that must not be there. */
final class BuildDirectory {

    private BuildDirectory() {}

    static void assertNotContains(File root, String value) throws IOException {
        try (Stream<Path> files = Files.walk(root.toPath())) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(value);
            }
        }
    }
}
