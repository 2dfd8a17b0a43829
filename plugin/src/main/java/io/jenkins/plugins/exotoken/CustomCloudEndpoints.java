package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import java.io.Serializable;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The endpoints of a cloud an administrator sets: a private endpoint, a sovereign cloud not listed, a test
 * simulator. Tokens go to these hosts, so only people who may manage credentials set them.
 */
public final class CustomCloudEndpoints implements Describable<CustomCloudEndpoints>, Serializable {

    private static final long serialVersionUID = 1L;

    private final String authorityHost;
    private final String exchangeResource;
    private final String graphResource;
    private final String keyVaultSuffix;

    @CheckForNull
    private String exchangeEnvironmentName;

    @DataBoundConstructor
    public CustomCloudEndpoints(@NonNull String authorityHost, @NonNull String exchangeResource,
            @NonNull String graphResource, @NonNull String keyVaultSuffix) {
        this.authorityHost = Util.fixNull(authorityHost).trim();
        this.exchangeResource = Util.fixNull(exchangeResource).trim();
        this.graphResource = Util.fixNull(graphResource).trim();
        this.keyVaultSuffix = Util.fixNull(keyVaultSuffix).trim();
    }

    @NonNull
    public String getAuthorityHost() {
        return authorityHost;
    }

    @NonNull
    public String getExchangeResource() {
        return exchangeResource;
    }

    @NonNull
    public String getGraphResource() {
        return graphResource;
    }

    @NonNull
    public String getKeyVaultSuffix() {
        return keyVaultSuffix;
    }

    @CheckForNull
    public String getExchangeEnvironmentName() {
        return exchangeEnvironmentName;
    }

    /** For {@code Connect-ExchangeOnline -ExchangeEnvironmentName}; empty means {@code O365Default}. */
    @DataBoundSetter
    public void setExchangeEnvironmentName(@CheckForNull String exchangeEnvironmentName) {
        this.exchangeEnvironmentName = Util.fixEmptyAndTrim(exchangeEnvironmentName);
    }

    /**
     * Core's cloud for these endpoints.
     *
     * @throws InvalidInputException naming the endpoint that is not an https host URL
     */
    @NonNull
    public Cloud toCloud() throws InvalidInputException {
        return Cloud.custom(authorityHost, exchangeResource, graphResource, keyVaultSuffix, exchangeEnvironmentName);
    }

    @Extension
    @Symbol("customCloud")
    public static final class DescriptorImpl extends Descriptor<CustomCloudEndpoints> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CustomCloudEndpoints_displayName();
        }

        @POST
        public FormValidation doCheckAuthorityHost(@QueryParameter String value) {
            return checkUrl(value, 0);
        }

        @POST
        public FormValidation doCheckExchangeResource(@QueryParameter String value) {
            return checkUrl(value, 1);
        }

        @POST
        public FormValidation doCheckGraphResource(@QueryParameter String value) {
            return checkUrl(value, 2);
        }

        @POST
        public FormValidation doCheckKeyVaultSuffix(@QueryParameter String value) {
            return check(new CustomCloudEndpoints(VALID, VALID, VALID, value), null);
        }

        @POST
        public FormValidation doCheckExchangeEnvironmentName(@QueryParameter String value) {
            return check(new CustomCloudEndpoints(VALID, VALID, VALID, "vault.azure.net"), value);
        }

        private static final String VALID = "https://login.microsoftonline.com";

        /** Checks one URL field, the others filled with valid values, so the message is about this one. */
        private static FormValidation checkUrl(String value, int position) {
            String[] urls = {VALID, VALID, VALID};
            urls[position] = value;
            return check(new CustomCloudEndpoints(urls[0], urls[1], urls[2], "vault.azure.net"), null);
        }

        private static FormValidation check(CustomCloudEndpoints endpoints, @CheckForNull String environmentName) {
            endpoints.setExchangeEnvironmentName(environmentName);
            return FieldCheck.of(endpoints::toCloud);
        }
    }
}
