package io.jenkins.plugins.exotoken.core.identity;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.input.Guid;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Azure managed identity of the machine or service the process runs on (a VM, App Service, a container),
 * used to reach Key Vault without any stored secret.
 *
 * @param clientId the client id of a user-assigned identity, or {@code null} for the system-assigned one
 */
public record ManagedIdentity(@Nullable String clientId) {

    public static ManagedIdentity systemAssigned() {
        return new ManagedIdentity(null);
    }

    /** @throws InvalidInputException when the client id is not a GUID */
    public static ManagedIdentity userAssigned(@Nullable String clientId) throws InvalidInputException {
        String id = clientId == null ? "" : clientId.trim().toLowerCase(Locale.ROOT);
        Printable.requireOneLine("Managed identity client id", clientId);
        if (!Guid.matches(id)) {
            throw new InvalidInputException("Managed identity client id "
                    + Printable.quote(clientId == null ? "" : clientId.trim()) + " is not a GUID: copy the Client ID"
                    + " from the user-assigned identity's overview page.");
        }
        return new ManagedIdentity(id);
    }

    public boolean isSystemAssigned() {
        return clientId == null;
    }

    /** For messages. */
    public String describe() {
        return clientId == null ? "the system-assigned managed identity" : "the managed identity " + clientId;
    }
}
