package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.Secret;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** A client secret of the app registration, kept in this credential (encrypted at rest). */
public final class ClientSecretSource extends AppSecretSource {

    private static final long serialVersionUID = 1L;

    private final Secret secret;

    @DataBoundConstructor
    public ClientSecretSource(@CheckForNull Secret secret) {
        this.secret = secret == null ? Secret.fromString("") : secret;
    }

    @NonNull
    public Secret getSecret() {
        return secret;
    }

    @Override
    public boolean isCertificate() {
        return false;
    }

    @NonNull
    @Override
    public AppSecret resolve(@NonNull SecretResolution resolution) throws InvalidInputException {
        return ClientSecret.of(resolution.label(), SecretValue.of(secret.getPlainText()));
    }

    @Extension
    @Symbol("clientSecret")
    public static final class DescriptorImpl extends SourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ClientSecretSource_displayName();
        }
    }
}
