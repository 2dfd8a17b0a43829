package io.jenkins.plugins.exotoken.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
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
import java.util.Base64;
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
        return signed(new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertSHA256Thumbprint(sha256(cert)).build(),
                key, claims);
    }

    private static String signed(JWSHeader header, PrivateKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Base64URL sha256(X509Certificate cert) throws Exception {
        return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    private static byte[] sha1(X509Certificate cert) throws Exception {
        return MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
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

    /** Refused with Entra's error shape, the OAuth error and the AADSTS code; returns the description. */
    private static String assertRefused(HttpResponse<String> response, int status, String error, int code)
            throws Exception {
        assertRefused(response, status, code);
        Map<String, Object> json = JSONObjectUtils.parse(response.body());
        assertThat(json).containsEntry("error", error);
        return (String) json.get("error_description");
    }

    private static void assertRefused(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
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
    void refusesAnAssertionThatIsNotYetValid() throws Exception {
        Instant later = Instant.now().plus(Duration.ofHours(1));

        assertThat(assertRefused(postAssertion(assertion(app.certificate.privateKey(), app.certificate.certificate(),
                validClaims().notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plus(Duration.ofMinutes(10))))
                        .build())), 401, "invalid_client", 700024)).contains("not within its valid time range");
    }

    @Test
    void refusesAnAssertionWithoutExp() throws Exception {
        assertThat(assertRefused(postAssertion(assertion(app.certificate.privateKey(), app.certificate.certificate(),
                validClaims().expirationTime(null).build())), 401, "invalid_client", 700024))
                .contains("not within its valid time range");
    }

    @Test
    void refusesAnAssertionWithoutJti() throws Exception {
        assertThat(assertRefused(postAssertion(assertion(app.certificate.privateKey(), app.certificate.certificate(),
                validClaims().jwtID(null).build())), 401, "invalid_client", 50013)).contains("no jti");
    }

    @Test
    void refusesAnAssertionWhoseSubjectIsNotTheClient() throws Exception {
        assertRefused(postAssertion(assertion(app.certificate.privateKey(), app.certificate.certificate(),
                validClaims().subject(UUID.randomUUID().toString()).build())), 401, "invalid_client", 700021);
    }

    @Test
    void refusesAnHmacSignedAssertion() throws Exception {
        // HS256 keyed with the public certificate: the classic algorithm-confusion forgery.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .x509CertSHA256Thumbprint(sha256(app.certificate.certificate())).build(), validClaims().build());
        hmac.sign(new MACSigner(app.certificate.certificate().getEncoded()));

        assertThat(assertRefused(postAssertion(hmac.serialize()), 401, "invalid_client", 700027))
                .contains("signature algorithm HS256 is not supported");
    }

    @Test
    void refusesAnUnsignedAssertion() throws Exception {
        String unsigned = new PlainJWT(new PlainHeader.Builder()
                .customParam("x5t#S256", sha256(app.certificate.certificate()).toString()).build(),
                validClaims().build()).serialize();

        assertThat(assertRefused(postAssertion(unsigned), 401, "invalid_client", 700027))
                .contains("signature algorithm none is not supported");
    }

    @Test
    void acceptsAnRsaPssSignedAssertion() throws Exception {
        assertThat(postAssertion(signed(new JWSHeader.Builder(JWSAlgorithm.PS256)
                .x509CertSHA256Thumbprint(sha256(app.certificate.certificate())).build(),
                app.certificate.privateKey(), validClaims().build())).statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsTheSha1X5tOfTheRegisteredCertificateInBase64UrlAndStandardBase64() throws Exception {
        byte[] sha1 = sha1(app.certificate.certificate());
        JWSHeader base64Url = new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertThumbprint(Base64URL.encode(sha1))
                .build();
        // msal4j puts the thumbprint in standard Base64 (with '+', '/' and '=' padding) into the header.
        JWSHeader standard = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertThumbprint(new Base64URL(Base64.getEncoder().encodeToString(sha1))).build();

        for (JWSHeader header : List.of(base64Url, standard)) {
            HttpResponse<String> response = postAssertion(signed(header, app.certificate.privateKey(),
                    validClaims().build()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(simulator.verifyIssued((String) JSONObjectUtils.parse(response.body()).get("access_token"))
                    .getStringClaim("appid")).isEqualTo(app.clientId);
        }
    }

    @Test
    void refusesASha1X5tThatNamesNoRegisteredCertificate() throws Exception {
        TestPki.Issued stranger = TestPki.selfSigned("stranger", TestPki.rsa(2048));
        Base64URL strangers = Base64URL.encode(sha1(stranger.certificate()));
        // The registered certificate's SHA-256 thumbprint is no SHA-1 thumbprint: sent as x5t it matches nothing.
        Base64URL wrongDigest = sha256(app.certificate.certificate());

        for (Base64URL x5t : List.of(strangers, wrongDigest)) {
            String description = assertRefused(postAssertion(signed(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .x509CertThumbprint(x5t).build(), app.certificate.privateKey(), validClaims().build())),
                    401, "invalid_client", 700027);
            assertThat(description).contains("is not registered on application",
                    "Thumbprint of key used by client: '" + x5t + "'");
        }
    }

    @Test
    void refusesASha1X5tOfTheRegisteredCertificateOnAnAssertionSignedByAnotherKey() throws Exception {
        assertThat(assertRefused(postAssertion(signed(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertThumbprint(Base64URL.encode(sha1(app.certificate.certificate()))).build(),
                TestPki.rsa(2048).getPrivate(), validClaims().build())), 401, "invalid_client", 700027))
                .contains("failed signature validation");
    }

    @Test
    void takesExactlyOneDefaultScopeBesidesTheOidcScopes() throws Exception {
        assertThat(post(Map.of("grant_type", "client_credentials", "client_id", app.clientId, "client_secret", app.secret,
                "scope", "openid profile offline_access https://outlook.office365.com/.default")).statusCode())
                .isEqualTo(200);
        assertRefused(post(Map.of("grant_type", "client_credentials", "client_id", app.clientId, "client_secret",
                app.secret, "scope", "https://outlook.office365.com/.default https://graph.microsoft.com/.default")),
                400, "invalid_scope", 1002012);
    }

    @Test
    void refusesAnAssertionOfAnotherTypeAndABodyThatIsNotAForm() throws Exception {
        String assertion = assertion(app.certificate.privateKey(), app.certificate.certificate(), validClaims().build());
        assertRefused(post(Map.of("grant_type", "client_credentials", "client_id", app.clientId,
                "scope", "https://outlook.office365.com/.default",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
                "client_assertion", assertion)), 400, "invalid_request", 50027);

        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl(app.tenantId)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(json, 400, "invalid_request", 900144);
    }

    @Test
    void theCorrelationIdEchoesTheClientRequestId() throws Exception {
        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl(app.tenantId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("client-request-id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + app.clientId
                        + "&scope=https%3A%2F%2Foutlook.office365.com%2F.default&client_secret=wrong")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(assertRefused(response, 401, "invalid_client", 7000215))
                .contains("\r\nCorrelation ID: " + requestId + "\r\n");
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("correlation_id", requestId);
        assertThat(response.headers().firstValue("client-request-id")).hasValue(requestId);
    }

    @Test
    void refusesAScopeWithoutDefaultAnotherGrantTypeAMissingCredentialAndGet() throws Exception {
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
