package io.jenkins.plugins.exotoken.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Bouncy Castle is the provider registered in the JVM, decided in one place, as bouncycastle-api does. */
class BouncyCastleTest {

    @Test
    void aRegisteredFipsProviderIsPreferred() {
        Provider fips = new Provider(BouncyCastle.FIPS, "1.0", "stand-in for bc-fips") {};
        Security.addProvider(fips);
        try {
            assertThat(BouncyCastle.choose()).isSameAs(fips);
        } finally {
            Security.removeProvider(BouncyCastle.FIPS);
        }
    }

    @Test
    void theRegisteredBcProviderIsUsedNotAnotherInstance() {
        BouncyCastle.choose(); // registers BC if this JVM had none
        Provider registered = Security.getProvider(BouncyCastle.NON_FIPS);

        assertThat(BouncyCastle.choose()).isSameAs(registered);
    }

    @Test
    void bcIsRegisteredOnceWhenNoneIs() {
        Provider before = Security.getProvider(BouncyCastle.NON_FIPS);
        Security.removeProvider(BouncyCastle.NON_FIPS);
        try {
            Provider chosen = BouncyCastle.choose();

            assertThat(chosen).isNotNull().isSameAs(Security.getProvider(BouncyCastle.NON_FIPS));
            assertThat(BouncyCastle.choose()).isSameAs(chosen);
            assertThat(List.of(Security.getProviders())).filteredOn(p -> p.getName().equals("BC")).hasSize(1);
        } finally {
            Security.removeProvider(BouncyCastle.NON_FIPS);
            if (before != null) {
                Security.addProvider(before);
            }
        }
    }

    @Test
    void noOtherMainClassConstructsItsOwnProvider() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<Path> constructing = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("BouncyCastle.java"))
                    .filter(p -> read(p).contains("BouncyCastleProvider("))
                    .toList();
            assertThat(constructing).isEmpty();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
