package io.jenkins.plugins.exotoken;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Where an Exchange Online app credential is used. The credentials it refers to (a certificate, a secret file, a
 * secret text, the app that reads a vault) are looked up here, with this place's authentication, so a build or a
 * form never reaches a credential its user could not have chosen.
 */
public abstract class CredentialContext {

    CredentialContext() {}

    /**
     * Lookups for a build: as the build's authentication, with credentials parameters and usage tracking, the way
     * {@link CredentialsProvider#findCredentialById(String, Class, Run)} does it.
     */
    @NonNull
    public static CredentialContext of(@NonNull Run<?, ?> run) {
        return new ForRun(run);
    }

    /**
     * Lookups in a folder or job (or, for {@code null}, Jenkins itself) as {@code authentication}. Callers check
     * the user's permission on that place first; forms look up as {@code ACL.SYSTEM2} after such a check, as
     * Jenkins' own credential lists do.
     */
    @NonNull
    public static CredentialContext of(@CheckForNull Item item, @NonNull Authentication authentication) {
        return new InItem(item, authentication);
    }

    /**
     * The credential with this id and type visible here.
     *
     * @return {@code null} when there is none (or it has another type)
     */
    @CheckForNull
    public abstract <C extends IdCredentials> C find(@NonNull String id, @NonNull Class<C> type);

    /** Names the place in messages, e.g. {@code build folder/job #12}. */
    @NonNull
    public abstract String describe();

    private static final class ForRun extends CredentialContext {
        private final Run<?, ?> run;

        ForRun(Run<?, ?> run) {
            this.run = Objects.requireNonNull(run, "run");
        }

        @Override
        public <C extends IdCredentials> C find(String id, Class<C> type) {
            return CredentialsProvider.findCredentialById(id, type, run);
        }

        @Override
        public String describe() {
            return "build " + run.getExternalizableId();
        }
    }

    private static final class InItem extends CredentialContext {
        @CheckForNull
        private final Item item;

        private final Authentication authentication;

        InItem(@CheckForNull Item item, Authentication authentication) {
            this.item = item;
            this.authentication = Objects.requireNonNull(authentication, "authentication");
        }

        @Override
        public <C extends IdCredentials> C find(String id, Class<C> type) {
            if (item == null) {
                ItemGroup<?> root = Jenkins.get();
                return CredentialsProvider.findCredentialByIdInItemGroup(id, type, root, authentication, List.of());
            }
            return CredentialsProvider.findCredentialByIdInItem(id, type, item, authentication, List.of());
        }

        @Override
        public String describe() {
            return item == null ? "Jenkins" : item.getFullName();
        }
    }
}
