package io.jenkins.plugins.exotoken.binding;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.exotoken.CredentialContext;
import io.jenkins.plugins.exotoken.ExchangeOnlineAppCredentials;
import io.jenkins.plugins.exotoken.Messages;
import io.jenkins.plugins.exotoken.TokenEngine;
import io.jenkins.plugins.exotoken.core.ExoTokenException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.env.TokenEnvironment;
import io.jenkins.plugins.exotoken.core.redact.LogMask;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.token.AccessToken;
import io.jenkins.plugins.exotoken.core.token.MinimumValidity;
import io.jenkins.plugins.exotoken.core.token.TokenRequest;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewalFailure;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewalListener;
import io.jenkins.plugins.exotoken.core.tokenfile.RenewingTokenFile;
import io.jenkins.plugins.exotoken.core.tokenfile.TokenSupply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Binds a fresh token to a block, on the controller: looks up the credential for the run, acquires the token
 * through core, and prepares the block's variables, its mask, and the opt-in token and certificate files on the
 * block's agent. Shared by the Pipeline step and the freestyle wrapper; everything it decides is core's.
 */
public final class TokenBinder {

    private static final Logger LOGGER = Logger.getLogger(TokenBinder.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenBinder() {}

    /**
     * @param workspace the block's workspace, or {@code null} outside a node (no files then)
     * @throws AbortException with one line a user can act on: unknown credential, wrong type, invalid option,
     *     acquisition failure (core's message), a file asked for without a node
     */
    @NonNull
    public static BoundToken bind(@NonNull TokenOptions options, @NonNull Run<?, ?> run,
            @CheckForNull FilePath workspace, @NonNull TaskListener listener, @NonNull Charset charset)
            throws IOException, InterruptedException {
        ExchangeOnlineAppCredentials app = lookUp(options, run);
        if ((options.tokenFile() || options.certificateFile()) && workspace == null) {
            throw new AbortException(Messages.TokenBinder_needsNode());
        }
        TokenRequest request;
        AccessToken token;
        String variable;
        try {
            options.check();
            variable = options.variable();
            request = app.tokenRequest(CredentialContext.of(run), options.tokenScope(app.cloud()),
                    options.minimumValidity());
            token = TokenEngine.get().tokens().acquire(request);
        } catch (ExoTokenException e) {
            LOGGER.log(Level.FINE, "Token for " + run.getExternalizableId() + " failed", e);
            throw new AbortException(e.getMessage());
        }
        TokenEnvironment environment;
        try {
            environment = TokenEnvironment.of(request.identity(), token, variable);
        } catch (ExoTokenException e) {
            throw new AbortException(e.getMessage());
        }
        Map<String, String> variables = new LinkedHashMap<>(environment.variables());
        Set<String> sensitive = new LinkedHashSet<>(environment.sensitive());
        List<String> masked = new ArrayList<>(List.of(token.reveal()));
        FilePath directory = null;
        String renewal = null;
        boolean done = false;
        try {
            if (workspace != null && (options.tokenFile() || options.certificateFile())) {
                directory = WorkspaceList.tempDir(workspace).child("exo-token-" + UUID.randomUUID());
                directory.mkdirs();
                directory.chmod(0700);
            }
            if (options.certificateFile()) {
                String password = writeCertificate(options, request, directory, variables);
                sensitive.add(TokenEnvironment.CERTIFICATE_PASSWORD);
                masked.add(password);
            }
            if (options.tokenFile()) {
                FilePath file = directory.child("token");
                renewal = startRenewal(file, request, token, options, listener);
                variables.put(TokenEnvironment.ACCESS_TOKEN_FILE, file.getRemote());
            }
            listener.getLogger().println(Messages.TokenBinder_bound(options.credentialsId(),
                    token.scope().value(), DateTimeFormatter.ISO_INSTANT.format(token.expiresOn()),
                    String.join(", ", variables.keySet())));
            BoundToken bound = new BoundToken(variables, sensitive, LogMask.of(masked), charset, directory, renewal,
                    options);
            done = true;
            return bound;
        } finally {
            if (!done) {
                if (renewal != null) {
                    TokenFileRenewals.stop(renewal);
                }
                if (directory != null) {
                    directory.deleteRecursive();
                }
            }
        }
    }

    /**
     * Starts renewing a block's token file again after a controller restart, if it is not running.
     */
    static void resumeRenewal(@NonNull BoundToken bound, @NonNull Run<?, ?> run, @NonNull TaskListener listener)
            throws IOException, InterruptedException {
        String renewal = bound.renewal();
        FilePath file = bound.tokenFile();
        if (renewal == null || file == null || TokenFileRenewals.isRunning(renewal)) {
            return;
        }
        TokenOptions options = bound.options();
        ExchangeOnlineAppCredentials app = lookUp(options, run);
        try {
            TokenRequest request = app.tokenRequest(CredentialContext.of(run), options.tokenScope(app.cloud()),
                    options.minimumValidity());
            AccessToken token = TokenEngine.get().tokens().acquire(request);
            TokenFileRenewals.register(renewal, start(file, request, token, options, listener));
        } catch (ExoTokenException e) {
            LOGGER.log(Level.FINE, "Token for " + run.getExternalizableId() + " failed after a restart", e);
            throw new AbortException(e.getMessage());
        }
    }

    private static ExchangeOnlineAppCredentials lookUp(TokenOptions options, Run<?, ?> run) throws AbortException {
        if (options.credentialsId().isEmpty()) {
            throw new AbortException(Messages.TokenOptions_noCredential());
        }
        IdCredentials found = CredentialContext.of(run).find(options.credentialsId(), IdCredentials.class);
        if (found == null) {
            throw new AbortException(Messages.TokenBinder_notFound(options.credentialsId()));
        }
        if (!(found instanceof ExchangeOnlineAppCredentials app)) {
            throw new AbortException(Messages.TokenBinder_wrongType(options.credentialsId(),
                    found.getDescriptor().getDisplayName()));
        }
        return app;
    }

    private static String writeCertificate(TokenOptions options, TokenRequest request, FilePath directory,
            Map<String, String> variables) throws IOException, InterruptedException {
        if (!(request.secret() instanceof AppCertificate certificate)) {
            throw new AbortException(Messages.TokenBinder_certificateFileNeedsCertificate(options.credentialsId()));
        }
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] pfx;
        try {
            pfx = certificate.toPkcs12(SecretValue.of(password));
        } catch (ExoTokenException e) {
            throw new AbortException(e.getMessage());
        }
        FilePath file = directory.child("certificate.pfx");
        try {
            file.touch(0);
            file.chmod(0600);
            file.copyFrom(new ByteArrayInputStream(pfx));
        } finally {
            java.util.Arrays.fill(pfx, (byte) 0);
        }
        variables.put(TokenEnvironment.CERTIFICATE_PATH, file.getRemote());
        variables.put(TokenEnvironment.CERTIFICATE_PASSWORD, password);
        variables.put(TokenEnvironment.CERTIFICATE_THUMBPRINT, certificate.info().thumbprintSha1());
        return password;
    }

    private static String startRenewal(FilePath file, TokenRequest request, AccessToken token, TokenOptions options,
            TaskListener listener) throws IOException, InterruptedException {
        String id = UUID.randomUUID().toString();
        TokenFileRenewals.register(id, start(file, request, token, options, listener));
        return id;
    }

    private static RenewingTokenFile start(FilePath file, TokenRequest request, AccessToken token,
            TokenOptions options, TaskListener listener) throws IOException, InterruptedException {
        MinimumValidity validity = request.minimumValidity() == null ? MinimumValidity.DEFAULT
                : request.minimumValidity();
        TokenEngine engine = TokenEngine.get();
        return RenewingTokenFile.start(new AgentTokenFile(file), token,
                TokenSupply.renewing(engine.tokens(), request),
                new RenewingTokenFile.Schedule(Timer.get(), engine.clock(), validity),
                new RenewalListener() {
                    @Override
                    public void renewed(AccessToken next) {
                        listener.getLogger().println(Messages.TokenBinder_renewed(options.credentialsId(),
                                DateTimeFormatter.ISO_INSTANT.format(next.expiresOn())));
                    }

                    @Override
                    public void renewalFailed(RenewalFailure failure) {
                        listener.getLogger().println(Messages.TokenBinder_renewalFailed(options.credentialsId(),
                                failure.message(), DateTimeFormatter.ISO_INSTANT.format(failure.nextAttempt())));
                    }
                });
    }
}
