package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateGeneratorTest {

    private static final Instant NOW = Instant.parse("2031-03-04T05:06:07.890Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CertificateGenerator GENERATOR = new CertificateGenerator(CLOCK, new SecureRandom());
    private static GeneratedCertificate generated;

    @BeforeAll
    static void generate() throws Exception {
        generated = GENERATOR.generate("  Contoso Exchange automation  ", 2048, 365);
    }

    private static InspectedCertificate readBack(GeneratedCertificate certificate) throws InvalidInputException {
        return InspectedCertificate.read("generated.pfx", certificate.pkcs12(), null, certificate.password(), CLOCK);
    }

    @Test
    void pfxReadsBackWithItsPasswordWithoutErrorsOrWarnings() throws Exception {
        InspectedCertificate inspected = readBack(generated);

        assertThat(inspected.report().findings()).isEmpty();
        assertThat(inspected.loaded().format()).isEqualTo(CertificateFormat.PKCS12);
        assertThat(inspected.loaded().chain()).containsExactly(generated.certificate());
        assertThat(KeyPairMatch.check(inspected.loaded().privateKey(), generated.certificate().getPublicKey())
                .outcome()).isEqualTo(KeyPairMatch.Outcome.MATCH);
        assertThat(inspected.report().info()).isEqualTo(generated.info());
    }

    @Test
    void theJdkKeyStoreAloneReadsThePfx() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12", "SUN");
        generated.password().withChars(pw -> {
            store.load(new ByteArrayInputStream(generated.pkcs12()), pw);
            String alias = Collections.list(store.aliases()).get(0);
            assertThat(store.getKey(alias, pw)).isInstanceOf(PrivateKey.class);
            assertThat(store.getCertificateChain(alias)).containsExactly(generated.certificate());
            return null;
        });
    }

    @Test
    void pfxIsProtectedWithAes256AndPbkdf2HmacSha256AndAnHmacSha256Mac() throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(generated.pkcs12());

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        List<AlgorithmIdentifier> encryptions = new java.util.ArrayList<>();
        for (ContentInfo info : pfx.getContentInfos()) {
            if (PKCSObjectIdentifiers.encryptedData.equals(info.getContentType())) {
                encryptions.add(org.bouncycastle.asn1.pkcs.EncryptedData.getInstance(info.getContent())
                        .getEncryptionAlgorithm());
            } else {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                    encryptions.add(((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).toASN1Structure()
                            .getEncryptionAlgorithm());
                }
            }
        }
        assertThat(encryptions).hasSize(2).allSatisfy(algorithm -> {
            assertThat(algorithm.getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
            PBES2Parameters pbes2 = PBES2Parameters.getInstance(algorithm.getParameters());
            assertThat(pbes2.getEncryptionScheme().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_aes256_CBC);
            PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
            assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
            assertThat(kdf.getIterationCount()).isEqualTo(BigInteger.valueOf(Pkcs12Writer.ITERATIONS));
        });
    }

    @Test
    void certificateIsASelfSignedV3ClientCertificateWithTheStrippedNameAsSubject() throws Exception {
        X509Certificate certificate = generated.certificate();

        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(generated.info().subject()).isEqualTo("CN=Contoso Exchange automation");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(certificate.getSerialNumber()).isPositive();
        assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
    }

    @Test
    void extensionsAreNotACaDigitalSignatureClientAuthAndASubjectKeyIdentifier() throws Exception {
        X509Certificate certificate = generated.certificate();

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs())
                .containsExactlyInAnyOrder(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        boolean[] keyUsage = certificate.getKeyUsage();
        assertThat(keyUsage[0]).as("digitalSignature").isTrue();
        for (int bit = 1; bit < keyUsage.length; bit++) {
            assertThat(keyUsage[bit]).as("key usage bit " + bit).isFalse();
        }
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_clientAuth.getId());
        assertThat(certificate.getNonCriticalExtensionOIDs()).contains(Extension.subjectKeyIdentifier.getId());
    }

    @Test
    void validityStartsFiveMinutesBeforeNowAndLastsTheChosenDays() {
        Instant second = NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        assertThat(generated.info().notBefore()).isEqualTo(second.minus(Duration.ofMinutes(5)));
        assertThat(generated.info().notAfter()).isEqualTo(second.plus(Duration.ofDays(365)));
    }

    @Test
    void cerIsTheDerCertificateAndPemTheSameInText() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");

        assertThat(factory.generateCertificate(new ByteArrayInputStream(generated.cer())))
                .isEqualTo(generated.certificate());
        assertThat(factory.generateCertificate(new ByteArrayInputStream(
                generated.pem().getBytes(StandardCharsets.US_ASCII)))).isEqualTo(generated.certificate());
        assertThat(generated.pem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(generated.pem().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    }

    @Test
    void thumbprintsAreThoseCoreComputesEverywhere() {
        assertThat(generated.info().thumbprintSha1()).isEqualTo(Thumbprints.sha1(generated.certificate()))
                .matches("[0-9A-F]{40}");
        assertThat(generated.info().thumbprintSha256()).isEqualTo(Thumbprints.sha256(generated.certificate()))
                .matches("[0-9A-F]{64}");
        assertThat(generated.info().hasPrivateKey()).isTrue();
    }

    @Test
    void generatedPasswordIs32Base64UrlCharactersAndNewEachTime() throws Exception {
        GeneratedCertificate other = GENERATOR.generate("other", 2048, 1);

        assertThat(generated.password().reveal()).matches("[A-Za-z0-9_-]{32}");
        assertThat(other.password()).isNotEqualTo(generated.password());
        assertThat(other.info().thumbprintSha1()).isNotEqualTo(generated.info().thumbprintSha1());
        assertThat(generated.toString()).doesNotContain(generated.password().reveal());
    }

    @Test
    void aGivenPasswordProtectsThePfxAndAnotherDoesNotOpenIt() throws Exception {
        GeneratedCertificate withMine = GENERATOR.generate("mine", 3072, 30, SecretValue.of("my pfx pässword"));

        assertThat(readBack(withMine).report().info().keySize()).isEqualTo(3072);
        assertThatThrownBy(() -> InspectedCertificate.read("mine.pfx", withMine.pkcs12(), null,
                SecretValue.of("another"), CLOCK))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is wrong");
    }

    @Test
    void anEmptyGivenPasswordIsRefused() {
        assertThatThrownBy(() -> GENERATOR.generate("app", 2048, 365, SecretValue.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The password for the new PFX is empty: give a password, since the PFX holds the"
                        + " private key.");
    }

    @Test
    void keySizesOtherThan2048And3072AreRefusedNamingTheAllowedOnes() {
        for (int bits : new int[] {1024, 2047, 4096}) {
            assertThatThrownBy(() -> GENERATOR.generate("app", bits, 365))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Key size " + bits + " bits is not offered: choose 2048 or 3072 bits (RSA).");
        }
        assertThat(CertificateGenerator.keySizes()).containsExactly(2048, 3072);
    }

    @Test
    void validityOutside1To3650DaysIsRefused() throws Exception {
        for (int days : new int[] {0, -1, 3651}) {
            assertThatThrownBy(() -> GENERATOR.generate("app", 2048, days))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Validity of " + days + " days is out of range: choose from 1 to 3650 days (365 is"
                            + " usual).");
        }
        assertThat(GENERATOR.generate("app", 2048, 3650).info().notAfter())
                .isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(3650)));
    }

    @Test
    void emptyOrBlankNamesAreRefused() {
        for (String name : new String[] {"", "   "}) {
            assertThatThrownBy(() -> GENERATOR.generate(name, 2048, 365))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("The certificate name is empty: give a name");
        }
    }

    @Test
    void aNameWithAControlCharacterIsRefusedShownEscaped() {
        assertThatThrownBy(() -> GENERATOR.generate("app\nCN=forged", 2048, 365))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The certificate name 'app\\nCN=forged' contains a line break or another control"
                        + " character: give it on one line, printable characters only.");
    }

    @Test
    void aNameOf64CharactersIsTakenAnd65Refused() throws Exception {
        String longest = "é".repeat(64); // characters, not bytes

        assertThat(GENERATOR.generate(longest, 2048, 1).info().subject()).isEqualTo("CN=" + longest);
        assertThatThrownBy(() -> GENERATOR.generate(longest + "x", 2048, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("has 65 characters; a certificate's common name (CN) has at most 64: shorten"
                        + " it.");
    }

    @Test
    void commasAndPlusSignsStayInsideTheOneCommonName() throws Exception {
        GeneratedCertificate tricky = GENERATOR.generate("Contoso, O=Forged+OU=x", 2048, 1);

        X500Name subject = X500Name.getInstance(tricky.certificate().getSubjectX500Principal().getEncoded());
        assertThat(subject.getRDNs()).hasSize(1);
        assertThat(subject.getRDNs()[0].isMultiValued()).isFalse();
        assertThat(subject.getRDNs()[0].getFirst().getValue().toString()).isEqualTo("Contoso, O=Forged+OU=x");
    }

    @Test
    void successorHasTheSameSubjectAndKeySizeButANewKeyAndSerial() throws Exception {
        GeneratedCertificate successor = GENERATOR.successorOf(generated.certificate(), 730);

        assertThat(successor.info().subject()).isEqualTo(generated.info().subject());
        assertThat(successor.info().keySize()).isEqualTo(2048);
        assertThat(successor.certificate().getPublicKey()).isNotEqualTo(generated.certificate().getPublicKey());
        assertThat(successor.certificate().getSerialNumber()).isNotEqualTo(generated.certificate().getSerialNumber());
        assertThat(successor.info().notAfter()).isEqualTo(
                NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(730)));
        assertThat(readBack(successor).report().findings()).isEmpty();
    }

    @Test
    void successorOfAWeakOrNonRsaKeyGets2048BitsAndOfALargerKey3072() {
        assertThat(CertificateGenerator.successorKeySize(1024, "RSA")).isEqualTo(2048);
        assertThat(CertificateGenerator.successorKeySize(256, "EC")).isEqualTo(2048);
        assertThat(CertificateGenerator.successorKeySize(3072, "RSA")).isEqualTo(3072);
        assertThat(CertificateGenerator.successorKeySize(4096, "RSA")).isEqualTo(3072);
    }

    @Test
    void successorOfAWeakCertificateIsGeneratedWith2048Bits() throws Exception {
        TestPki.Issued weak = TestPki.selfSigned("legacy app", TestPki.rsa(1024));

        GeneratedCertificate successor = GENERATOR.successorOf(weak.certificate(), 365, SecretValue.of("pw"));

        assertThat(successor.info().subject()).isEqualTo("CN=legacy app");
        assertThat(successor.info().keySize()).isEqualTo(2048);
    }

    @Test
    void successorOfACertificateWithoutCommonNameIsRefused() throws Exception {
        java.security.KeyPair keys = TestPki.rsa(2048);
        X500Name organizationOnly = new X500Name("O=Contoso");
        X509Certificate noCn = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(organizationOnly, BigInteger.ONE,
                        java.util.Date.from(NOW), java.util.Date.from(NOW.plus(Duration.ofDays(1))), organizationOnly,
                        keys.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                                .build(keys.getPrivate())));

        assertThatThrownBy(() -> GENERATOR.successorOf(noCn, 365))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The certificate " + Thumbprints.sha1(noCn) + " has no common name (CN) in its subject to"
                        + " give its successor: generate a new certificate with a name instead.");
    }
}
