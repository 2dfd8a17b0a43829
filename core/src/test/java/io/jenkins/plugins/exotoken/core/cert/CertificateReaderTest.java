package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.testing.TestPki.Issued;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateReaderTest {

    private static final String PASSWORD = "Pa$$w0rd!";
    private static Issued app;
    private static Issued chained;
    private static Issued ca;

    private final CertificateReader reader = new CertificateReader();

    @BeforeAll
    static void generate() {
        app = TestPki.selfSigned("app", TestPki.rsa(2048));
        ca = TestPki.ca("Contoso Issuing CA");
        chained = TestPki.issue(ca, "app.contoso.com", TestPki.rsa(2048), null);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertHolds(LoadedCertificate loaded, Issued expected, CertificateFormat format) {
        assertThat(loaded.format()).isEqualTo(format);
        assertThat(loaded.leaf()).isEqualTo(expected.certificate());
        assertThat(loaded.privateKey()).isNotNull();
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(expected.privateKey().getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {PASSWORD, ""})
    void readsModernAesPfxWithOrWithoutPassword(String password) throws Exception {
        LoadedCertificate loaded = reader.read("app.pfx", TestPki.pfxAes(app, password), SecretValue.of(password));

        assertHolds(loaded, app, CertificateFormat.PKCS12);
    }

    @ParameterizedTest
    @EnumSource(TestPki.LegacyPbe.class)
    void readsLegacyWindowsPfx(TestPki.LegacyPbe pbe) throws Exception {
        LoadedCertificate loaded = reader.read("legacy.pfx", TestPki.pfxLegacy(chained, PASSWORD, pbe),
                SecretValue.of(PASSWORD));

        assertHolds(loaded, chained, CertificateFormat.PKCS12);
        assertThat(loaded.chain()).containsExactlyElementsOf(chained.chain());
    }

    @Test
    void readsPfxWithAPlainKeyBagThatTheJdkSkips() throws Exception {
        LoadedCertificate loaded = reader.read("plain.pfx", TestPki.pfxUnencrypted(app, ""), SecretValue.empty());

        assertHolds(loaded, app, CertificateFormat.PKCS12);
    }

    @Test
    void readsPfxGivenAsBase64TextAsKeyVaultAndJcascHandItOver() throws Exception {
        String base64 = Base64.getMimeEncoder().encodeToString(TestPki.pfxAes(app, ""));

        assertHolds(reader.read("vault value", utf8(base64 + "\n"), SecretValue.empty()), app, CertificateFormat.PKCS12);
    }

    @Test
    void readsPemWithPkcs1KeyAndPutsARootFirstChainLeafFirst() throws Exception {
        List<java.security.cert.X509Certificate> reversed = List.of(ca.certificate(), chained.certificate());
        String pem = TestPki.pemPkcs1(chained.privateKey()) + TestPki.pemCertificates(reversed);

        LoadedCertificate loaded = reader.read("bundle.pem", utf8(pem), SecretValue.empty());

        assertHolds(loaded, chained, CertificateFormat.PEM);
        assertThat(loaded.chain()).containsExactly(chained.certificate(), ca.certificate());
    }

    @Test
    void readsPemWithPkcs8Key() throws Exception {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8(app.privateKey());

        assertHolds(reader.read("app.pem", utf8(pem), SecretValue.empty()), app, CertificateFormat.PEM);
    }

    @Test
    void readsPemWithEncryptedPkcs8Key() throws Exception {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8Encrypted(app.privateKey(), PASSWORD);

        assertHolds(reader.read("app.pem", utf8(pem), SecretValue.of(PASSWORD)), app, CertificateFormat.PEM);
    }

    @Test
    void readsPemWithLegacyEncryptedPkcs1Key() throws Exception {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs1Encrypted(app.privateKey(), PASSWORD);

        assertHolds(reader.read("app.pem", utf8(pem), SecretValue.of(PASSWORD)), app, CertificateFormat.PEM);
    }

    @Test
    void readsCertificateAndKeyFromSeparateFiles() throws Exception {
        LoadedCertificate loaded = reader.read("app.crt + app.key", utf8(TestPki.pemCertificates(app.chain())),
                utf8(TestPki.pemPkcs8(app.privateKey())), SecretValue.empty());

        assertHolds(loaded, app, CertificateFormat.PEM);
    }

    @Test
    void readsALoneDerCertificateWithoutKey() throws Exception {
        LoadedCertificate loaded = reader.read("app.cer", app.certificate().getEncoded(), SecretValue.empty());

        assertThat(loaded.format()).isEqualTo(CertificateFormat.DER_CERTIFICATE);
        assertThat(loaded.leaf()).isEqualTo(app.certificate());
        assertThat(loaded.privateKey()).isNull();
    }

    @Test
    void pemWithWindowsLineEndingsAndByteOrderMarkIsRead() throws Exception {
        String pem = "\uFEFF" + (TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8(app.privateKey()))
                .replace("\n", "\r\n");

        assertHolds(reader.read("app.pem", utf8(pem), SecretValue.empty()), app, CertificateFormat.PEM);
    }

    // ---- bad input ----

    @Test
    void wrongPfxPasswordIsToldApartFromCorruptData() {
        byte[] pfx = TestPki.pfxAes(app, PASSWORD);

        assertThatThrownBy(() -> reader.read("app.pfx", pfx, SecretValue.of("wrong")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The password for app.pfx is wrong: supply the password the PFX was exported with.");
        assertThatThrownBy(() -> reader.read("app.pfx", Arrays.copyOf(pfx, pfx.length / 2), SecretValue.of(PASSWORD)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("app.pfx is not a readable PFX/PKCS#12 file (corrupt or truncated data)");
    }

    @Test
    void wrongPasswordOfALegacyPfxIsReportedAsSuch() {
        byte[] pfx = TestPki.pfxLegacy(app, PASSWORD, TestPki.LegacyPbe.RC2_40_AND_3DES);

        assertThatThrownBy(() -> reader.read("old.pfx", pfx, SecretValue.of("nope")))
                .hasMessageContaining("The password for old.pfx is wrong");
    }

    @Test
    void missingPfxPasswordAsksForIt() {
        assertThatThrownBy(() -> reader.read("app.pfx", TestPki.pfxAes(app, PASSWORD), SecretValue.empty()))
                .hasMessage("app.pfx is protected by a password: supply the password it was exported with.");
    }

    @Test
    void encryptedPemKeyWithWrongOrMissingPasswordSaysWhich() {
        String pem = TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8Encrypted(app.privateKey(), PASSWORD);

        assertThatThrownBy(() -> reader.read("app.pem", utf8(pem), SecretValue.of("wrong")))
                .hasMessageContaining("The password for the private key in app.pem is wrong");
        assertThatThrownBy(() -> reader.read("app.pem", utf8(pem), SecretValue.empty()))
                .hasMessageContaining("The private key in app.pem is encrypted: supply its password.");
    }

    @Test
    void randomBytesAndEmptyInputAreRefusedClearly() {
        byte[] random = new byte[2048];
        new SecureRandom().nextBytes(random);
        random[0] = 0x17;

        assertThatThrownBy(() -> reader.read("junk.bin", random, SecretValue.empty()))
                .hasMessageContaining("junk.bin is neither a PFX/PKCS#12 file nor PEM text");
        assertThatThrownBy(() -> reader.read("empty.pfx", new byte[0], SecretValue.empty()))
                .hasMessageContaining("empty.pfx is empty");
        random[0] = 0x30;
        assertThatThrownBy(() -> reader.read("junk.bin", random, SecretValue.empty()))
                .hasMessageContaining("corrupt or truncated");
    }

    @Test
    void truncatedPemIsReported() {
        String pem = TestPki.pemCertificates(app.chain());
        String truncated = pem.substring(0, pem.length() / 2);

        assertThatThrownBy(() -> reader.read("cut.pem", utf8(truncated), SecretValue.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cut.pem")
                .hasMessageContaining("truncated");
    }

    @Test
    void pemWithOnlyAKeyAsksForTheCertificate() {
        assertThatThrownBy(() -> reader.read("key.pem", utf8(TestPki.pemPkcs8(app.privateKey())), SecretValue.empty()))
                .hasMessageContaining("holds no '-----BEGIN CERTIFICATE-----' block");
    }

    @Test
    void messagesAndTheirCausesNeverContainTheGivenPassword() {
        String secretPassword = "hunter2-" + System.nanoTime();
        byte[] random = new byte[2048];
        new SecureRandom().nextBytes(random);
        random[0] = 0x30;
        List<byte[]> refused = List.of(
                TestPki.pfxAes(app, PASSWORD),
                TestPki.pfxLegacy(app, PASSWORD, TestPki.LegacyPbe.RC2_40_AND_3DES),
                utf8(TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs8Encrypted(app.privateKey(), PASSWORD)),
                utf8(TestPki.pemCertificates(app.chain()) + TestPki.pemPkcs1Encrypted(app.privateKey(), PASSWORD)),
                random);

        for (byte[] input : refused) {
            assertThatThrownBy(() -> reader.read("input", input, SecretValue.of(secretPassword)))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(secretPassword);
                        }
                    });
        }
    }
}
