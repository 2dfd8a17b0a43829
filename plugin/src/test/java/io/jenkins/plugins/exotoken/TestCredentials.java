package io.jenkins.plugins.exotoken;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Credentials of other plugins as a test needs them, without those plugins' implementations. */
public final class TestCredentials {

    private TestCredentials() {}

    public static StringCredentials secretText(String id, String secret) {
        return new SecretText(id, secret);
    }

    public static FileCredentials secretFile(String id, byte[] content) {
        return new SecretFile(id, content);
    }

    private static final class SecretFile extends BaseStandardCredentials implements FileCredentials {
        private static final long serialVersionUID = 1L;
        private final byte[] content;

        SecretFile(String id, byte[] content) {
            super(CredentialsScope.GLOBAL, id, null);
            this.content = content.clone();
        }

        @Override
        public String getFileName() {
            return "app.pfx";
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content);
        }
    }

    private static final class SecretText extends BaseStandardCredentials implements StringCredentials {
        private static final long serialVersionUID = 1L;
        private final Secret secret;

        SecretText(String id, String secret) {
            super(CredentialsScope.GLOBAL, id, null);
            this.secret = Secret.fromString(secret);
        }

        @Override
        public Secret getSecret() {
            return secret;
        }
    }
}
