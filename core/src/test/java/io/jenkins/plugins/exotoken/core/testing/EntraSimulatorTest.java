package io.jenkins.plugins.exotoken.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator itself is as strict as Entra ID: hand-made requests that Entra refuses are refused. */
class EntraSimulatorTest {

    private static EntraSimulator simulator;
    private static TestApp app;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        simulator = EntraSimulator.start();
        app = new TestApp(simulator);
        http = HttpClient.newBuilder().sslContext(simulator.clientSslContext()).build();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static String assertion(PrivateKey key, X509Certificate cert, JWTClaimsSet claims) throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertSHA256Thumbprint(Base64URL.encode(sha256)).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().audience(simulator.tokenUrl(app.tenantId)).issuer(app.clientId)
                .subject(app.clientId).jwtID(UUID.randomUUID().toString()).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private static HttpResponse<String> post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl(app.tenantId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postAssertion(String assertion) throws Exception {
        return post(Map.of("grant_type", "client_credentials", "client_id", app.clientId,
                "scope", "https://outlook.office365.com/.default",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
    }

    private static void assertRefused(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        Map<String, Object> json = JSONObjectUtils.parse(response.body());
        assertThat(json).containsKeys("error", "error_description", "error_codes", "timestamp", "trace_id",
                "correlation_id", "error_uri");
        assertThat(((List<?>) json.get("error_codes")).stream().map(c -> ((Number) c).intValue()).toList())
                .containsExactly(code);
        assertThat((String) json.get("error_description")).startsWith("AADSTS" + code + ": ")
                .contains("\r\nTrace ID: ", "\r\nCorrelation ID: ", "\r\nTimestamp: ");
    }

    @Test
    void acceptsAValidAssertionOnceAndRefusesItsReplay() throws Exception {
        String assertion = assertion(app.certificate.privateKey(), app.certificate.certificate(), validClaims().build());

        assertThat(postAssertion(assertion).statusCode()).isEqualTo(200);
        assertRefused(postAssertion(assertion), 401, 50013);
    }

    @Test
    void refusesAForgedSignature() throws Exception {
        PrivateKey otherKey = TestPki.rsa(2048).getPrivate();

        assertRefused(postAssertion(assertion(otherKey, app.certificate.certificate(), validClaims().build())), 401, 700027);
    }

    @Test
    void refusesAnUnregisteredCertificate() throws Exception {
        TestPki.Issued stranger = TestPki.selfSigned("stranger", TestPki.rsa(2048));

        assertRefused(postAssertion(assertion(stranger.privateKey(), stranger.certificate(), validClaims().build())),
                401, 700027);
    }

    @Test
    void refusesWrongAudienceIssuerAndLifetime() throws Exception {
        PrivateKey key = app.certificate.privateKey();
        X509Certificate cert = app.certificate.certificate();
        Instant past = Instant.now().minus(Duration.ofHours(1));

        assertRefused(postAssertion(assertion(key, cert, validClaims().audience("https://login.microsoftonline.com/"
                + app.tenantId + "/oauth2/v2.0/token").build())), 401, 50013);
        assertRefused(postAssertion(assertion(key, cert, validClaims().issuer("someone-else").build())), 401, 700021);
        assertRefused(postAssertion(assertion(key, cert, validClaims().notBeforeTime(Date.from(past.minusSeconds(600)))
                .expirationTime(Date.from(past)).build())), 401, 700024);
    }

    @Test
    void refusesRequestsEntraRefuses() throws Exception {
        assertRefused(post(Map.of("grant_type", "client_credentials", "client_id", app.clientId,
                "scope", "https://outlook.office365.com/Exchange.Manage", "client_secret", app.secret)), 400, 1002012);
        assertRefused(post(Map.of("grant_type", "password", "client_id", app.clientId,
                "scope", "https://outlook.office365.com/.default", "client_secret", app.secret)), 400, 70003);
        assertRefused(post(Map.of("grant_type", "client_credentials", "client_id", app.clientId,
                "scope", "https://outlook.office365.com/.default")), 401, 7000218);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl(app.tenantId))).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void tenantIsFoundByItsDomainToo() throws Exception {
        String domain = "contoso-" + app.tenantId.substring(0, 8) + ".onmicrosoft.com";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl(domain)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + app.clientId
                        + "&scope=https%3A%2F%2Foutlook.office365.com%2F.default&client_secret="
                        + URLEncoder.encode(app.secret, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.verifyIssued((String) JSONObjectUtils.parse(response.body()).get("access_token"))
                .getStringClaim("tid")).isEqualTo(app.tenantId);
    }
}
