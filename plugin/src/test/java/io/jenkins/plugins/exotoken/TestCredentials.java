package io.jenkins.plugins.exotoken;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** Credentials of other plugins as a test needs them, without those plugins' implementations. */
public final class TestCredentials {

    private TestCredentials() {}

    public static StringCredentials secretText(String id, String secret) {
        return new SecretText(id, secret);
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
