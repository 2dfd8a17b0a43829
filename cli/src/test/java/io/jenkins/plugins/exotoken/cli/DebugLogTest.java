package io.jenkins.plugins.exotoken.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What reaches stderr from java.util.logging: nothing by default; with --debug, FINE records, redacted. */
class DebugLogTest {

    private static final String SECRET = "debug-log-secret-value";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Redactor redactor = Redactor.tokenShapes().withSecret(SECRET);

    @AfterEach
    void resetLogging() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").setLevel(Level.INFO);
    }

    private String logged() {
        Logger core = Logger.getLogger("io.jenkins.plugins.exotoken.core.token.TokenService");
        Logger msal = Logger.getLogger("com.microsoft.aad.msal4j.ConfidentialClientApplication");
        core.log(Level.FINE, "echo {0} and {1}", new Object[] {SECRET, JWT});
        msal.log(Level.WARNING, "failed", new IllegalStateException("cause says client_secret=" + SECRET));
        msal.log(Level.FINEST, "trace detail");
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withDebugFineRecordsAndStackTracesReachStderrRedacted() {
        DebugLog.configure(true, redactor, new PrintStream(err, true, StandardCharsets.UTF_8));

        String text = logged();

        assertThat(text).contains("debug: FINE io.jenkins.plugins.exotoken.core.token.TokenService: echo **** and ****",
                "debug: WARNING com.microsoft.aad.msal4j.ConfidentialClientApplication: failed",
                "java.lang.IllegalStateException: cause says client_secret=****", "\tat ");
        assertThat(text).doesNotContain(SECRET, JWT, "trace detail");
    }

    @Test
    void withoutDebugNoRecordIsWrittenAnywhere() {
        DebugLog.configure(false, redactor, new PrintStream(err, true, StandardCharsets.UTF_8));

        // not even the JVM's default console handler, which would print msal4j's warnings around the error line
        assertThat(Logger.getLogger("").getHandlers()).isEmpty();
        assertThat(Logger.getLogger("com.microsoft.aad.msal4j.ConfidentialClientApplication").isLoggable(Level.SEVERE))
                .isFalse();
        assertThat(logged()).isEmpty();
    }
}
