package io.jenkins.plugins.exotoken.core.cert;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.jspecify.annotations.Nullable;

/**
 * Whether a private key belongs to a certificate's public key. A check that could not be made (a provider
 * that cannot sign with the key, an unknown key type) is its own outcome, with its cause: it is not a mismatch.
 *
 * @param outcome what the check found
 * @param cause why it could not be made, for {@link Outcome#NOT_CHECKED}; else null
 */
record KeyPairMatch(Outcome outcome, @Nullable Exception cause) {

    enum Outcome {
        MATCH,
        MISMATCH,
        NOT_CHECKED
    }

    private static final byte[] PROBE = "exo-token key match probe".getBytes(StandardCharsets.US_ASCII);
    private static final KeyPairMatch MATCH = new KeyPairMatch(Outcome.MATCH, null);
    private static final KeyPairMatch MISMATCH = new KeyPairMatch(Outcome.MISMATCH, null);

    static KeyPairMatch check(PrivateKey privateKey, PublicKey publicKey) {
        if (!family(privateKey.getAlgorithm()).equals(family(publicKey.getAlgorithm()))) {
            return MISMATCH;
        }
        if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
            // Comparing the modulus is exact for RSA and costs no signature.
            boolean sameModulus = rsa.getModulus().equals(rsaPublic.getModulus());
            return sameModulus && (!(rsa instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(rsaPublic.getPublicExponent())) ? MATCH : MISMATCH;
        }
        return signAndVerify(privateKey, publicKey);
    }

    /** Only a check that was made and succeeded counts (e.g. to pick the leaf of a chain). */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        return check(privateKey, publicKey).outcome == Outcome.MATCH;
    }

    private static String family(String algorithm) {
        return "ECDSA".equals(algorithm) ? "EC" : algorithm; // Bouncy Castle names EC keys ECDSA
    }

    private static KeyPairMatch signAndVerify(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (family(privateKey.getAlgorithm())) {
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null) {
            return new KeyPairMatch(Outcome.NOT_CHECKED, new java.security.NoSuchAlgorithmException(
                    "no signature algorithm known for " + privateKey.getAlgorithm() + " keys"));
        }
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            signature = signer.sign();
        } catch (Exception e) { // the provider cannot sign with this key: nothing shown either way
            return new KeyPairMatch(Outcome.NOT_CHECKED, e);
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature) ? MATCH : MISMATCH;
        } catch (Exception e) {
            return new KeyPairMatch(Outcome.NOT_CHECKED, e);
        }
    }
}
