package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.ModelObject;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Compile-only declaration of {@code CredentialsProvider} (jenkinsci/credentials-plugin). Lookups need the
 * running Jenkins, so outside one they fail as upstream's do.
 */
public abstract class CredentialsProvider {

    /** Upstream builds it from core's permission groups, which are not declared here. */
    public static final Permission CREATE = undeclaredPermission();

    /** Upstream builds it from core's permission groups, which are not declared here. */
    public static final Permission UPDATE = undeclaredPermission();

    /** Upstream builds it from core's permission groups, which are not declared here. */
    public static final Permission USE_ITEM = undeclaredPermission();

    // The plugin never provides credentials, so it needs no constructor (upstream's is public).
    private CredentialsProvider() {}

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialByIdInItemGroup(@NonNull String id,
            @NonNull Class<C> type, @Nullable ItemGroup<?> itemGroup, @Nullable Authentication authentication,
            @Nullable List<DomainRequirement> domainRequirements) {
        throw noJenkins();
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialByIdInItem(@NonNull String id, @NonNull Class<C> type,
            @Nullable Item item, @Nullable Authentication authentication,
            @Nullable List<DomainRequirement> domainRequirements) {
        throw noJenkins();
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
            @NonNull Run<?, ?> run) {
        throw noJenkins();
    }

    /** The stores are Jenkins' and its plugins'. */
    public static Iterable<CredentialsStore> lookupStores(final ModelObject context) {
        throw noJenkins();
    }

    // Not a constant expression: the plugin reads the field at run time, as it does upstream's.
    private static Permission undeclaredPermission() {
        return null;
    }

    private static IllegalStateException noJenkins() {
        return new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
