package io.jenkins.plugins.exotoken.source;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.exotoken.CredentialContext;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.TokenEngine;
import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One resolution of an app credential's secret: the place it happens, the engine it uses, and the chain of app
 * credentials that led here (an app whose vault is read with another app's credential), so that a credential
 * that refers back to itself is refused instead of recursing.
 */
public final class SecretResolution {

    private final CredentialContext context;
    private final TokenEngine engine;
    private final List<String> chain;
    private final Cloud cloud;

    private SecretResolution(CredentialContext context, TokenEngine engine, List<String> chain, Cloud cloud) {
        this.context = context;
        this.engine = engine;
        this.chain = chain;
        this.cloud = cloud;
    }

    /** Starts resolving the app credential {@code credentialId} of {@code cloud}. */
    @NonNull
    public static SecretResolution start(@NonNull CredentialContext context, @NonNull TokenEngine engine,
            @NonNull String credentialId, @NonNull Cloud cloud) {
        return new SecretResolution(Objects.requireNonNull(context, "context"), Objects.requireNonNull(engine, "engine"),
                List.of(credentialId), cloud);
    }

    /**
     * Goes on with another app credential that the current one depends on.
     *
     * @throws InvalidInputException when that credential is already on the chain
     */
    @NonNull
    public SecretResolution enter(@NonNull String credentialId, @NonNull Cloud cloud) throws InvalidInputException {
        if (chain.contains(credentialId)) {
            throw new InvalidInputException(Messages.SecretResolution_cycle(chain.get(0),
                    String.join(" → ", chain) + " → " + credentialId));
        }
        List<String> longer = new ArrayList<>(chain);
        longer.add(credentialId);
        return new SecretResolution(context, engine, List.copyOf(longer), cloud);
    }

    /**
     * The credential {@code id} of {@code type} that the current app credential refers to as {@code role}.
     *
     * @param role what it is for, for messages, e.g. "certificate"
     * @throws InvalidInputException when it is not there or is of another type, naming both credentials
     */
    @NonNull
    public <C extends IdCredentials> C require(@NonNull String id, @NonNull Class<C> type, @NonNull String role)
            throws InvalidInputException {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(Messages.SecretResolution_noReference(label(), role));
        }
        IdCredentials found = context.find(id, IdCredentials.class);
        if (found == null) {
            throw new InvalidInputException(Messages.SecretResolution_notFound(id, role, label(), context.describe()));
        }
        if (!type.isInstance(found)) {
            throw new InvalidInputException(Messages.SecretResolution_wrongType(id, role, label(),
                    found.getDescriptor().getDisplayName()));
        }
        return type.cast(found);
    }

    /** Names the app credential being resolved, for messages: {@code credential 'exo-app'}. */
    @NonNull
    public String label() {
        return "credential '" + chain.get(chain.size() - 1) + "'";
    }

    /** The cloud of the app credential being resolved: vault hosts must belong to it. */
    @NonNull
    public Cloud cloud() {
        return cloud;
    }

    @NonNull
    public CredentialContext context() {
        return context;
    }

    @NonNull
    public TokenEngine engine() {
        return engine;
    }
}
