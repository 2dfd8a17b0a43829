package io.jenkins.plugins.exotoken.core.cert;

import java.security.GeneralSecurityException;
import java.security.ProviderException;
import javax.crypto.BadPaddingException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.openssl.EncryptionException;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Why password-based decryption of a key failed, as the user should hear it: a wrong password shows as bad padding
 * or as decrypted bytes that are not a key; anything else the JCE throws (unknown algorithm or PRF, a key size the policy forbids, a provider
 * error) is not the password's fault and must not be reported as such.
 */
enum CryptoFailure {
    WRONG_PASSWORD,
    NOT_DECRYPTABLE;

    static CryptoFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadPaddingException || t instanceof InvalidCipherTextException) {
                return WRONG_PASSWORD; // AEADBadTagException included
            }
            if (t instanceof GeneralSecurityException || t instanceof ProviderException
                    || t instanceof OperatorCreationException
                    // BC's PEM decryptor names an unknown DEK-Info algorithm this way, with no cause
                    || (t instanceof EncryptionException && t.getCause() == null)) {
                return NOT_DECRYPTABLE;
            }
        }
        // No JCE failure underneath: the cipher ran and produced bytes that are not a key.
        return WRONG_PASSWORD;
    }

    /**
     * The deepest JCE failure's type and message on one line, for a user message (the JCE never puts a password
     * or key in its messages).
     */
    static String summary(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GeneralSecurityException || t instanceof ProviderException
                    || t instanceof OperatorCreationException || t instanceof EncryptionException) {
                root = t;
            }
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("[\\r\\n\\t]+", " ");
        return root.getClass().getSimpleName() + message;
    }
}
