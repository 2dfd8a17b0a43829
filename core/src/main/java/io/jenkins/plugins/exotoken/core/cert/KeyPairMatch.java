package io.jenkins.plugins.exotoken.core.cert;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** Whether a private key belongs to a certificate's public key. */
final class KeyPairMatch {

    private static final byte[] PROBE = "exo-token key match probe".getBytes(StandardCharsets.US_ASCII);

    private KeyPairMatch() {}

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (!family(privateKey.getAlgorithm()).equals(family(publicKey.getAlgorithm()))) {
            return false;
        }
        if (privateKey instanceof RSAPrivateKey rsa && publicKey instanceof RSAPublicKey rsaPublic) {
            // Comparing the modulus is exact for RSA and costs no signature.
            boolean sameModulus = rsa.getModulus().equals(rsaPublic.getModulus());
            return sameModulus && (!(rsa instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(rsaPublic.getPublicExponent()));
        }
        return signAndVerify(privateKey, publicKey);
    }

    private static String family(String algorithm) {
        return "ECDSA".equals(algorithm) ? "EC" : algorithm; // Bouncy Castle names EC keys ECDSA
    }

    private static boolean signAndVerify(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (family(privateKey.getAlgorithm())) {
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (Exception e) { // a key the JDK cannot use cannot be shown to match
            return false;
        }
    }
}
