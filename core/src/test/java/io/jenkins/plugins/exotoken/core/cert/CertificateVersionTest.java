package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import io.jenkins.plugins.exotoken.core.testing.TestPki;
import io.jenkins.plugins.exotoken.core.testing.TestPki.Issued;
import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A certificate credential's version identifies its chain without copying key material out of the key. */
class CertificateVersionTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void buildingTheCredentialNeverCopiesOutThePrivateKeyEncoding() throws Exception {
        Issued app = TestPki.selfSigned("app", TestPki.rsa(2048));
        CountingKey key = new CountingKey((RSAPrivateCrtKey) app.privateKey());
        LoadedCertificate loaded = new LoadedCertificate(CertificateFormat.PKCS12, app.chain(), key);

        AppCertificate credential = AppCertificate.of("app", InspectedCertificate.inspect(loaded, clock));

        assertThat(credential.version()).startsWith("certificate:");
        assertThat(key.encodedCopies).hasValue(0);
    }

    @Test
    void versionIsTheSameForTheSameChainAndDiffersForAnother() throws Exception {
        Issued app = TestPki.selfSigned("app", TestPki.rsa(2048));
        Issued renewed = TestPki.selfSigned("app", TestPki.rsa(2048));

        String first = AppCertificate.of("a", InspectedCertificate.inspect(
                new LoadedCertificate(CertificateFormat.PEM, app.chain(), app.privateKey()), clock)).version();
        String again = AppCertificate.of("b", InspectedCertificate.inspect(
                new LoadedCertificate(CertificateFormat.PKCS12, app.chain(), app.privateKey()), clock)).version();
        String other = AppCertificate.of("c", InspectedCertificate.inspect(
                new LoadedCertificate(CertificateFormat.PEM, renewed.chain(), renewed.privateKey()), clock)).version();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** An RSA key that counts how often its encoding is copied out. */
    private record CountingKey(RSAPrivateCrtKey key, AtomicInteger encodedCopies) implements RSAPrivateCrtKey {
        CountingKey(RSAPrivateCrtKey key) {
            this(key, new AtomicInteger());
        }

        @Override
        public byte[] getEncoded() {
            encodedCopies.incrementAndGet();
            return key.getEncoded();
        }

        @Override
        public BigInteger getPublicExponent() {
            return key.getPublicExponent();
        }

        @Override
        public BigInteger getPrimeP() {
            return key.getPrimeP();
        }

        @Override
        public BigInteger getPrimeQ() {
            return key.getPrimeQ();
        }

        @Override
        public BigInteger getPrimeExponentP() {
            return key.getPrimeExponentP();
        }

        @Override
        public BigInteger getPrimeExponentQ() {
            return key.getPrimeExponentQ();
        }

        @Override
        public BigInteger getCrtCoefficient() {
            return key.getCrtCoefficient();
        }

        @Override
        public BigInteger getPrivateExponent() {
            return key.getPrivateExponent();
        }

        @Override
        public BigInteger getModulus() {
            return key.getModulus();
        }

        @Override
        public String getAlgorithm() {
            return key.getAlgorithm();
        }

        @Override
        public String getFormat() {
            return key.getFormat();
        }
    }
}
