package io.jenkins.plugins.exotoken;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.secret.AppSecret;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import io.jenkins.plugins.exotoken.source.AppSecretSource;
import io.jenkins.plugins.exotoken.source.CredentialChoices;
import io.jenkins.plugins.exotoken.source.SecretResolution;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An Entra ID app registration that Jenkins uses to get app-only tokens for Exchange Online and other Microsoft
 * 365 APIs: its tenant, client id, organization and cloud, and where its secret comes from. It holds no token;
 * builds get fresh ones through {@link #tokenRequest}.
 */
@NameWith(ExchangeOnlineAppCredentials.NameProvider.class)
public final class ExchangeOnlineAppCredentials extends BaseStandardCredentials {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(ExchangeOnlineAppCredentials.class.getName());

    /** Cloud setting that takes its endpoints from {@link #getCustomCloud()}. */
    public static final String CUSTOM_CLOUD = "custom";

    private final String tenant;
    private final String clientId;
    private final String organization;
    private final AppSecretSource secretSource;

    private String cloud = Cloud.GLOBAL.name();

    @CheckForNull
    private CustomCloudEndpoints customCloud;

    @DataBoundConstructor
    public ExchangeOnlineAppCredentials(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, @NonNull String tenant, @NonNull String clientId,
            @NonNull String organization, @NonNull AppSecretSource secretSource) {
        super(scope, id, description);
        this.tenant = Util.fixNull(tenant).trim();
        this.clientId = Util.fixNull(clientId).trim();
        this.organization = Util.fixNull(organization).trim();
        this.secretSource = secretSource;
    }

    @NonNull
    public String getTenant() {
        return tenant;
    }

    @NonNull
    public String getClientId() {
        return clientId;
    }

    @NonNull
    public String getOrganization() {
        return organization;
    }

    @NonNull
    public AppSecretSource getSecretSource() {
        return secretSource;
    }

    @NonNull
    public String getCloud() {
        return cloud;
    }

    /** {@code global} (default), {@code usgovhigh}, {@code usgovdod}, {@code china}, or {@code custom}. */
    @DataBoundSetter
    public void setCloud(@CheckForNull String cloud) {
        String name = Util.fixEmptyAndTrim(cloud);
        this.cloud = name == null ? Cloud.GLOBAL.name() : name.toLowerCase(Locale.ROOT);
    }

    @CheckForNull
    public CustomCloudEndpoints getCustomCloud() {
        return customCloud;
    }

    /** The endpoints used when the cloud is {@code custom}. */
    @DataBoundSetter
    public void setCustomCloud(@CheckForNull CustomCloudEndpoints customCloud) {
        this.customCloud = customCloud;
    }

    /**
     * Core's cloud for this credential.
     *
     * @throws InvalidInputException when the cloud is unknown, or custom without valid endpoints
     */
    @NonNull
    public Cloud cloud() throws InvalidInputException {
        if (!CUSTOM_CLOUD.equals(cloud)) {
            return Cloud.byName(cloud);
        }
        if (customCloud == null) {
            throw new InvalidInputException(Messages.ExchangeOnlineAppCredentials_customCloudMissing(label()));
        }
        return customCloud.toCloud();
    }

    /**
     * Core's identity for this credential.
     *
     * @throws InvalidInputException naming this credential and the field to fix
     */
    @NonNull
    public AppIdentity identity() throws InvalidInputException {
        try {
            return AppIdentity.of(tenant, clientId, organization, cloud());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(label() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What core needs to acquire a token for this app in {@code context}: the identity and the resolved secret
     * (read from a vault or another credential if it lives there).
     *
     * @param minimumValidity a cached token with less time left is replaced; {@code null} for core's default
     * @throws ExoTokenException with a message naming this credential and what to fix
     * @throws InterruptedException when cancelled while a vault was read
     */
    @NonNull
    public TokenRequest tokenRequest(@NonNull CredentialContext context, @NonNull TokenScope scope,
            @CheckForNull MinimumValidity minimumValidity) throws ExoTokenException, InterruptedException {
        TokenEngine engine = TokenEngine.get();
        SecretResolution resolution = SecretResolution.start(context, engine, getId(), cloud());
        return new TokenRequest(label(), identity(), secretSource.resolve(resolution), scope, minimumValidity);
    }

    /**
     * This credential's secret, resolved as part of another credential's resolution (a vault read with this app).
     *
     * @throws InvalidInputException when this credential is already part of that resolution: a cycle
     */
    @NonNull
    public AppSecret resolveSecret(@NonNull SecretResolution outer) throws ExoTokenException, InterruptedException {
        return secretSource.resolve(outer.enter(getId(), cloud()));
    }

    @NonNull
    String label() {
        return "credential '" + getId() + "'";
    }

    /** Tells app credentials apart in lists: organization, app id, and the certificate's thumbprint and expiry. */
    public static final class NameProvider extends CredentialsNameProvider<ExchangeOnlineAppCredentials> {
        @NonNull
        @Override
        public String getName(@NonNull ExchangeOnlineAppCredentials credentials) {
            return DisplayName.of(credentials);
        }
    }

    @Extension
    @Symbol("exchangeOnlineApp")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        public DescriptorImpl() {
            super(ExchangeOnlineAppCredentials.class);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ExchangeOnlineAppCredentials_displayName();
        }

        @POST
        public FormValidation doCheckTenant(@QueryParameter String value) {
            return FieldCheck.of(() -> AppIdentity.tenant(value));
        }

        @POST
        public FormValidation doCheckClientId(@QueryParameter String value) {
            return FieldCheck.of(() -> AppIdentity.clientId(value));
        }

        @POST
        public FormValidation doCheckOrganization(@QueryParameter String value, @QueryParameter String tenant) {
            if (value == null || value.isBlank()) {
                return FormValidation.warning(Messages.ExchangeOnlineAppCredentials_organizationEmpty());
            }
            return FieldCheck.of(() -> AppIdentity.organization(value, "contoso.onmicrosoft.com"));
        }

        @POST
        public ListBoxModel doFillCloudItems() {
            ListBoxModel items = new ListBoxModel();
            for (Cloud named : Cloud.NAMED) {
                items.add(CloudNames.displayName(named), named.name());
            }
            items.add(Messages.ExchangeOnlineAppCredentials_customCloud(), CUSTOM_CLOUD);
            return items;
        }

        /**
         * Acquires a token with the saved credential {@code id} as the form's context would, and reports its
         * expiry and Exchange roles, or core's error. Tests what is saved: unsaved changes are not sent, so no
         * secret travels with this request and none is echoed.
         */
        @POST
        public FormValidation doTestConnection(@AncestorInPath @CheckForNull Item item, @QueryParameter String id) {
            if (!CredentialChoices.mayManage(item)) {
                return FormValidation.error(Messages.ExchangeOnlineAppCredentials_testNotPermitted());
            }
            String wanted = Util.fixEmptyAndTrim(id);
            if (wanted == null) {
                return FormValidation.warning(Messages.ExchangeOnlineAppCredentials_testSaveFirst());
            }
            CredentialContext context = CredentialContext.of(item, ACL.SYSTEM2);
            ExchangeOnlineAppCredentials credentials = context.find(wanted, ExchangeOnlineAppCredentials.class);
            if (credentials == null) {
                return FormValidation.warning(Messages.ExchangeOnlineAppCredentials_testSaveFirst());
            }
            try {
                TokenRequest request = credentials.tokenRequest(context,
                        TokenScope.forResource(credentials.cloud(), TokenScope.EXCHANGE), null);
                AccessToken token = TokenEngine.get().tokens().acquire(request);
                return ConnectionReport.of(token);
            } catch (ExoTokenException e) {
                LOGGER.log(Level.FINE, "Test connection of " + credentials.label() + " failed", e);
                return FormValidation.error(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return FormValidation.error(Messages.ExchangeOnlineAppCredentials_testInterrupted());
            }
        }
    }
}
