package io.jenkins.plugins.exotoken;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import java.util.HashMap;
import java.util.Map;

/** A place whose credentials a test sets: lookups by id and type, as the credentials plugin answers them. */
public final class MapCredentialContext extends CredentialContext {

    private final Map<String, IdCredentials> credentials = new HashMap<>();

    public MapCredentialContext with(IdCredentials... added) {
        for (IdCredentials c : added) {
            credentials.put(c.getId(), c);
        }
        return this;
    }

    @Override
    public <C extends IdCredentials> C find(String id, Class<C> type) {
        IdCredentials found = credentials.get(id);
        return type.isInstance(found) ? type.cast(found) : null;
    }

    @Override
    public String describe() {
        return "test folder";
    }
}
