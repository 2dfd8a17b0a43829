package io.jenkins.plugins.exotoken.cli;

import com.azure.json.JsonProviders;
import com.azure.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Writes one JSON object for {@code --json} output, with azure-json (already on the classpath via msal4j). */
final class JsonOutput {

    interface Body {
        void write(JsonWriter json) throws IOException;
    }

    private JsonOutput() {}

    static String object(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter json = JsonProviders.createWriter(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
