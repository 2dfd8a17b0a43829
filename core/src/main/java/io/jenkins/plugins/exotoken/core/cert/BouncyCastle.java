package io.jenkins.plugins.exotoken.core.cert;

import java.security.Provider;
import java.security.Security;

/**
 * The one place that decides which Bouncy Castle provider core uses: the one registered in the JVM, preferring
 * the FIPS provider ({@code BCFIPS}) when one is installed, else {@code BC}; when neither is registered (the CLI,
 * tests) {@code BC} is registered once, at the end of the list so the JDK's own providers keep their precedence.
 * In Jenkins the bouncycastle-api plugin registers it; a second private instance would duplicate its state and
 * bypass a FIPS configuration.
 */
final class BouncyCastle {

    static final String FIPS = "BCFIPS";
    static final String NON_FIPS = "BC";

    private BouncyCastle() {}

    /** The provider core uses, decided once. */
    static Provider provider() {
        return Chosen.PROVIDER;
    }

    /** Decides from what the JVM has registered now, registering {@code BC} when there is none. */
    static Provider choose() {
        Provider fips = Security.getProvider(FIPS);
        if (fips != null) {
            return fips;
        }
        Provider bc = Security.getProvider(NON_FIPS);
        return bc != null ? bc : register();
    }

    private static synchronized Provider register() {
        // Security.addProvider ignores a second provider of the same name: whoever registered first wins.
        Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        return Security.getProvider(NON_FIPS);
    }

    /** Loaded on first use, so the non-FIPS provider class is never touched when BCFIPS is installed. */
    private static final class Chosen {
        static final Provider PROVIDER = choose();
    }
}
