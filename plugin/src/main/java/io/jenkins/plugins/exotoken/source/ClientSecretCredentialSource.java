package io.jenkins.plugins.exotoken.source;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.secret.ClientSecret;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A client secret kept in a Secret text credential, looked up where the app credential is used. */
public final class ClientSecretCredentialSource extends AppSecretSource {

    private static final long serialVersionUID = 1L;

    private final String credentialsId;

    @DataBoundConstructor
    public ClientSecretCredentialSource(@NonNull String credentialsId) {
        this.credentialsId = Util.fixNull(credentialsId).trim();
    }

    @NonNull
    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public boolean isCertificate() {
        return false;
    }

    @NonNull
    @Override
    public AppSecret resolve(@NonNull SecretResolution resolution) throws InvalidInputException {
        StringCredentials text = resolution.require(credentialsId, StringCredentials.class, "client secret");
        return ClientSecret.of(resolution.label() + " (secret text credential '" + credentialsId + "')",
                SecretValue.of(text.getSecret().getPlainText()));
    }

    @Extension
    @Symbol("clientSecretCredential")
    public static final class DescriptorImpl extends SourceDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ClientSecretCredentialSource_displayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath @CheckForNull Item item,
                @QueryParameter String credentialsId) {
            return CredentialChoices.of(item, credentialsId, CredentialChoices.SECRET_TEXTS);
        }
    }
}
