package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.core.testing.TestPki.Issued;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each failure says what really happened, and keeps what failed underneath as its cause. */
class CertificateFailureCausesTest {

    private static final String PASSWORD = "Pa$$w0rd!";
    private static Issued app;
    private final CertificateReader reader = new CertificateReader();

    @BeforeAll
    static void generate() {
        app = TestPki.selfSigned("app", TestPki.rsa(2048));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void damagedBase64InAPemKeyIsInvalidInputOnOneCleanLineWithItsCause() {
        String key = TestPki.pemPkcs8(app.privateKey());
        String[] lines = key.split("\n");
        lines[3] = "*" + lines[3].substring(1); // not a Base64 character
        String pem = TestPki.pemCertificates(app.chain()) + String.join("\n", lines) + "\n";

        assertThatThrownBy(() -> reader.read("damaged.pem", utf8(pem), SecretValue.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("damaged.pem has a PEM block that cannot be parsed (damaged Base64 or a truncated file):"
                        + " copy the file again unchanged, or export it again.")
                .cause().isNotNull();
    }

    @Test
    void wrongPemKeyPasswordKeepsItsCause() {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8Encrypted(app.privateKey(), PASSWORD);

        assertThatThrownBy(() -> reader.read("app.pem", utf8(pem), SecretValue.of("wrong")))
                .hasMessage("The password for the private key in app.pem is wrong: supply the password the key was"
                        + " encrypted with.")
                .cause().isNotNull();
    }

    @Test
    void wrongPasswordEndingInWhiteSpaceSaysSo() {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8Encrypted(app.privateKey(), PASSWORD);

        assertThatThrownBy(() -> reader.read("app.pfx", TestPki.pfxAes(app, PASSWORD), SecretValue.of(PASSWORD + " ")))
                .hasMessage("The password for app.pfx is wrong (note: it ends with a space): supply the password the"
                        + " PFX was exported with.");
        assertThatThrownBy(() -> reader.read("app.pem", utf8(pem), SecretValue.of(PASSWORD + "\n")))
                .hasMessageStartingWith("The password for the private key in app.pem is wrong (note: it ends with a"
                        + " newline): ");
    }

    @Test
    void pemKeyWithAnUnsupportedPrfIsNotReportedAsAWrongPassword() throws Exception {
        String pem = TestPki.pemCertificates(app.chain())
                + withUnknownPrf(TestPki.pemPkcs8Encrypted(app.privateKey(), PASSWORD));

        assertThatThrownBy(() -> reader.read("app.pem", utf8(pem), SecretValue.of(PASSWORD)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The private key in app.pem is encrypted with PBES2")
                .hasMessageContaining("1.3.6.1.4.1.55555.1", "cannot be decrypted here",
                        "export the key again with AES-256")
                .hasMessageNotContaining("wrong")
                .cause().isNotNull();
    }

    @Test
    void legacyPemKeyWithAWrongPasswordSaysSoAndKeepsItsCause() {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs1Encrypted(app.privateKey(), PASSWORD);

        assertThatThrownBy(() -> reader.read("legacy.pem", utf8(pem), SecretValue.of("wrong")))
                .hasMessageStartingWith("The password for the private key in legacy.pem is wrong: ")
                .cause().isNotNull();
    }

    @Test
    void legacyPemKeyWithAnUnknownDekInfoCipherIsNotReportedAsAWrongPassword() {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs1Encrypted(app.privateKey(), PASSWORD)
                .replaceFirst("DEK-Info: [A-Z0-9-]+,", "DEK-Info: NO-SUCH-CIPHER-CBC,");

        assertThatThrownBy(() -> reader.read("legacy.pem", utf8(pem), SecretValue.of(PASSWORD)))
                .hasMessageStartingWith("The private key in legacy.pem is encrypted with NO-SUCH-CIPHER-CBC, which"
                        + " cannot be decrypted here (")
                .hasMessageNotContaining("wrong")
                .cause().isNotNull();
    }

    @Test
    void pfxWithoutIntegrityMacAndAWrongPasswordSaysWrongPassword() throws Exception {
        byte[] pfx = pfxWithoutMac(app, PASSWORD);

        assertThatThrownBy(() -> reader.read("nomac.pfx", pfx, SecretValue.of("wrong")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The password for nomac.pfx is wrong: supply the password the PFX was exported with.")
                .cause().isNotNull();
    }

    @Test
    void pfxWithoutIntegrityMacAndNoPasswordAsksForIt() throws Exception {
        byte[] pfx = pfxWithoutMac(app, PASSWORD);

        assertThatThrownBy(() -> reader.read("nomac.pfx", pfx, SecretValue.empty()))
                .hasMessage("nomac.pfx is protected by a password: supply the password it was exported with.");
    }

    @Test
    void pfxWithoutIntegrityMacIsReadWithTheRightPassword() throws Exception {
        LoadedCertificate loaded = reader.read("nomac.pfx", pfxWithoutMac(app, PASSWORD), SecretValue.of(PASSWORD));

        assertThat(loaded.leaf()).isEqualTo(app.certificate());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(app.privateKey().getEncoded());
    }

    @Test
    void keyThatTheProviderCannotSignWithIsReportedAsNotCheckedWithItsCauseNotAsAMismatch() throws Exception {
        Issued ec = TestPki.selfSigned("ec app", TestPki.ec());
        LoadedCertificate loaded = new LoadedCertificate(CertificateFormat.PEM, ec.chain(), new OpaqueKey("EC"));

        InspectedCertificate inspected = InspectedCertificate.inspect(loaded, Clock.systemUTC());

        assertThat(inspected.report().errors()).extracting(Finding::code)
                .contains("KEY_NOT_CHECKED").doesNotContain("KEY_MISMATCH");
        Finding notChecked = inspected.report().errors().stream()
                .filter(f -> f.code().equals("KEY_NOT_CHECKED")).findFirst().orElseThrow();
        assertThat(notChecked.message()).startsWith("The private key could not be checked against the certificate")
                .doesNotContain("\n");
        assertThat(notChecked.cause()).isNotNull();
        assertThatThrownBy(() -> AppCertificate.of("opaque", inspected))
                .isInstanceOf(InvalidInputException.class)
                .hasCause(notChecked.cause());
    }

    /** A key held where the JDK cannot reach it (an HSM handle, say): no encoding, no key interface. */
    private record OpaqueKey(String getAlgorithm) implements PrivateKey {
        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    /** The same encrypted key, its PBKDF2 PRF replaced by an OID no provider knows. */
    private static String withUnknownPrf(String encryptedPem) throws Exception {
        PKCS8EncryptedPrivateKeyInfo info;
        try (PEMParser parser = new PEMParser(new StringReader(encryptedPem))) {
            info = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
        }
        PBES2Parameters pbes2 = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
        PBKDF2Params unknownPrf = new PBKDF2Params(kdf.getSalt(), kdf.getIterationCount().intValue(),
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), DERNull.INSTANCE));
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, unknownPrf), pbes2.getEncryptionScheme()));
        byte[] der = new EncryptedPrivateKeyInfo(algorithm, info.getEncryptedData()).getEncoded("DER");
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("ENCRYPTED PRIVATE KEY", der));
        }
        return out.toString();
    }

    /** A PFX whose key is encrypted (PBES2/AES-256) but which has no integrity MAC, as {@code openssl -nomac}. */
    static byte[] pfxWithoutMac(Issued issued, String password) throws Exception {
        DEROctetString localKeyId = new DEROctetString(new byte[] {1});
        PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
        builder.addData(new JcaPKCS12SafeBagBuilder(issued.certificate())
                .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId).build());
        builder.addData(new JcaPKCS12SafeBagBuilder(issued.privateKey(),
                new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                        .setProvider(BouncyCastle.provider()).build(password.toCharArray()))
                .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId).build());
        return builder.build(null, null).getEncoded("DER");
    }
}
