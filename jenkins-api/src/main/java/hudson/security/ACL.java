package hudson.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Compile-only declaration of {@code hudson.security.ACL} (jenkinsci/jenkins core). */
public abstract class ACL {

    /** As upstream: the token of the internal user {@code SYSTEM}. */
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken("SYSTEM", "SYSTEM");
}
