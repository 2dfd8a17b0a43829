package io.jenkins.plugins.exotoken.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Key Vault simulator answers hand-made requests as Key Vault does, refusals and error shapes included. */
class KeyVaultSimulatorTest {

    private static final String VAULT_RESOURCE = "https://vault.azure.net";

    private static EntraSimulator entra;
    private static KeyVaultSimulator vault;
    private static HttpClient http;
    private static final String tenant = UUID.randomUUID().toString();
    private static final String otherTenant = UUID.randomUUID().toString();
    private static final String appId = UUID.randomUUID().toString();
    private static final String stranger = UUID.randomUUID().toString();
    private static final String appSecret = "kv~" + UUID.randomUUID();
    private static final java.security.KeyPair keys = TestPki.rsa(2048);

    @BeforeAll
    static void start() {
        entra = EntraSimulator.start();
        entra.tenant(tenant);
        entra.tenant(otherTenant);
        entra.app(tenant, appId).secret(appSecret);
        vault = KeyVaultSimulator.start(entra);
        http = HttpClient.newBuilder().sslContext(vault.clientSslContext()).proxy(vault.proxySelector())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        vault.close();
        entra.close();
    }

    private static String token(String tokenTenant, String principal, String resource) {
        return entra.issueToken(tokenTenant, principal, resource, List.of());
    }

    private static String token() {
        return token(tenant, appId, VAULT_RESOURCE);
    }

    private static HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> getSecret(String vaultName, String path, String bearer) throws Exception {
        return get(vault.vaultUrl(vaultName) + path + (path.contains("?") ? "&" : "?") + "api-version=7.4", bearer);
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        Map<String, Object> error = (Map<String, Object>) json(response).get("error");
        assertThat(error).containsEntry("code", code).containsKey("message");
        return error;
    }

    @SuppressWarnings("unchecked")
    private static String innerCode(Map<String, Object> error) {
        return (String) ((Map<String, Object>) error.get("innererror")).get("code");
    }

    private static String newVault(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        vault.createVault(name, tenant);
        return name;
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesLatestAndSpecificVersionsAtProductionShapedUrls() throws Exception {
        String name = newVault("contoso");
        vault.grant(name, appId, "*");
        String v1 = vault.putSecret(name, "app-secret", "first", "text/plain");
        String v2 = vault.putSecret(name, "app-secret", "second", null, null, null, Map.of("env", "test"));
        assertThat(v1).matches("[0-9a-f]{32}");
        assertThat(vault.vaultUrl(name)).isEqualTo("https://" + name + ".vault.azure.net");

        for (String apiVersion : List.of("7.4", "7.5", "7.6", "2025-07-01")) {
            HttpResponse<String> latest = get(vault.vaultUrl(name) + "/secrets/app-secret?api-version=" + apiVersion,
                    token());
            assertThat(latest.statusCode()).as(latest.body()).isEqualTo(200);
            Map<String, Object> body = json(latest);
            assertThat(body).containsEntry("value", "second")
                    .containsEntry("id", "https://" + name + ".vault.azure.net/secrets/app-secret/" + v2)
                    .containsEntry("tags", Map.of("env", "test"))
                    .doesNotContainKeys("contentType", "managed", "kid");
            Map<String, Object> attributes = (Map<String, Object>) body.get("attributes");
            assertThat(attributes).containsEntry("enabled", true).containsEntry("recoveryLevel", "Recoverable+Purgeable")
                    .containsKeys("created", "updated").doesNotContainKeys("exp", "nbf");
        }
        Map<String, Object> first = json(getSecret(name, "/secrets/APP-SECRET/" + v1, token()));
        assertThat(first).containsEntry("value", "first").containsEntry("contentType", "text/plain")
                .doesNotContainKey("tags");
        assertThat(vault.proxy().tunnels()).contains(new VaultHostProxy.Tunnel(name + ".vault.azure.net:443", 200));
    }

    @Test
    void requiresAKnownApiVersion() throws Exception {
        String name = newVault("apiver");
        vault.grant(name, appId, "*");
        vault.putSecret(name, "s", "v", null);

        assertThat((String) error(get(vault.vaultUrl(name) + "/secrets/s", token()), 400, "BadParameter")
                .get("message")).contains("api-version");
        assertThat((String) error(get(vault.vaultUrl(name) + "/secrets/s?api-version=7.9", token()), 400,
                "BadParameter").get("message"))
                .isEqualTo("The specified version (7.9) is not recognized. Consider using the latest supported"
                        + " version (2025-07-01).");
    }

    @Test
    void challengesRequestsWithoutABearerToken() throws Exception {
        String name = newVault("challenge");
        vault.putSecret(name, "s", "v", null);

        for (HttpResponse<String> response : List.of(getSecret(name, "/secrets/s", null),
                http.send(HttpRequest.newBuilder(URI.create(vault.vaultUrl(name) + "/secrets/s?api-version=7.4"))
                        .header("Authorization", "Basic dXNlcjpwdw==").build(), HttpResponse.BodyHandlers.ofString()))) {
            assertThat(error(response, 401, "Unauthorized"))
                    .containsEntry("message", "AKV10000: Request is missing a Bearer or PoP token.");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer authorization="
                    + "\"https://login.microsoftonline.com/" + tenant + "\", resource=\"https://vault.azure.net\"");
        }
    }

    @Test
    void refusesTokensForAnotherAudienceTenantOrSigner() throws Exception {
        String name = newVault("audience");
        vault.grant(name, appId, "*");
        vault.putSecret(name, "s", "v", null);

        HttpResponse<String> graph = getSecret(name, "/secrets/s", token(tenant, appId, "https://graph.microsoft.com"));
        assertThat(error(graph, 401, "Unauthorized")).containsEntry("message", "AKV10022: Invalid audience. Expected"
                + " https://vault.azure.net, found: https://graph.microsoft.com.");
        assertThat(graph.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(getSecret(name, "/secrets/s", token(tenant, appId, "https://vault.azure.net/")).statusCode())
                .isEqualTo(200);

        assertThat((String) error(getSecret(name, "/secrets/s", token(otherTenant, appId, VAULT_RESOURCE)), 401,
                "Unauthorized").get("message")).startsWith("AKV10032: Invalid issuer. Expected one of https://sts"
                        + ".windows.net/" + tenant + "/, found https://sts.windows.net/" + otherTenant + "/");

        Instant now = Instant.now();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("simulator").build(),
                new JWTClaimsSet.Builder().audience(VAULT_RESOURCE).issuer("https://sts.windows.net/" + tenant + "/")
                        .claim("appid", appId).notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600))).build());
        forged.sign(new RSASSASigner(keys.getPrivate()));
        assertThat((String) error(getSecret(name, "/secrets/s", forged.serialize()), 401, "Unauthorized")
                .get("message")).startsWith("AKV10046");
        HttpResponse<String> garbage = getSecret(name, "/secrets/s", "not-a-jwt");
        error(garbage, 401, "Unauthorized");
        assertThat(garbage.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    private static JWTClaimsSet.Builder vaultClaims() {
        return new JWTClaimsSet.Builder().audience(VAULT_RESOURCE).issuer("https://sts.windows.net/" + tenant + "/")
                .claim("appid", appId).claim("tid", tenant);
    }

    private static String challenge() {
        return "Bearer authorization=\"https://login.microsoftonline.com/" + tenant
                + "\", resource=\"https://vault.azure.net\"";
    }

    @Test
    void refusesAnExpiredTokenWithAChallenge() throws Exception {
        String name = newVault("expired-token");
        vault.grant(name, appId, "*");
        vault.putSecret(name, "s", "v", null);
        Instant now = Instant.now();
        Instant past = now.minus(Duration.ofHours(2));

        HttpResponse<String> expired = getSecret(name, "/secrets/s", entra.sign(vaultClaims()
                .notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofHours(1)))).build()));
        HttpResponse<String> withoutExp = getSecret(name, "/secrets/s", entra.sign(vaultClaims()
                .notBeforeTime(Date.from(past)).build()));
        HttpResponse<String> current = getSecret(name, "/secrets/s", entra.sign(vaultClaims()
                .notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1)))).build()));

        for (HttpResponse<String> refused : List.of(expired, withoutExp)) {
            assertThat(error(refused, 401, "Unauthorized"))
                    .containsEntry("message", "[TokenExpired] Error validating token: 'S2S12086'.");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue(challenge());
        }
        assertThat(current.statusCode()).as("the same claims within their lifetime").isEqualTo(200);
    }

    @Test
    void refusesATokenThatIsNotYetValidWithAChallenge() throws Exception {
        String name = newVault("early-token");
        vault.grant(name, appId, "*");
        vault.putSecret(name, "s", "v", null);
        Instant later = Instant.now().plus(Duration.ofHours(1));

        HttpResponse<String> early = getSecret(name, "/secrets/s", entra.sign(vaultClaims()
                .notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plus(Duration.ofHours(1)))).build()));

        assertThat(error(early, 401, "Unauthorized")).containsEntry("message", "Token not yet valid");
        assertThat(early.headers().firstValue("WWW-Authenticate")).hasValue(challenge());
    }

    @Test
    void forbidsPrincipalsWithoutSecretsGet() throws Exception {
        String name = newVault("policy");
        vault.putSecret(name, "granted", "v", null);
        vault.putSecret(name, "other", "v", null);

        Map<String, Object> noPolicy = error(getSecret(name, "/secrets/granted", token(tenant, stranger, VAULT_RESOURCE)),
                403, "Forbidden");
        assertThat(innerCode(noPolicy)).isEqualTo("AccessDenied");
        assertThat((String) noPolicy.get("message")).startsWith("The user, group or application 'appid=" + stranger
                + ";oid=").contains(";iss=https://sts.windows.net/" + tenant + "/'")
                .contains("does not have secrets get permission on key vault '" + name + ";location=westeurope'");
        // permission is checked before existence: no probing of names
        assertThat(innerCode(error(getSecret(name, "/secrets/missing", token(tenant, stranger, VAULT_RESOURCE)),
                403, "Forbidden"))).isEqualTo("AccessDenied");

        vault.grant(name, stranger, "granted");
        assertThat(getSecret(name, "/secrets/granted", token(tenant, stranger, VAULT_RESOURCE)).statusCode())
                .isEqualTo(200);
        vault.rbac(name, true);
        Map<String, Object> rbac = error(getSecret(name, "/secrets/other", token(tenant, stranger, VAULT_RESOURCE)),
                403, "Forbidden");
        assertThat(innerCode(rbac)).isEqualTo("ForbiddenByRbac");
        assertThat((String) rbac.get("message")).startsWith("Caller is not authorized to perform action on resource.")
                .contains("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'");
        vault.revoke(name, stranger);
        assertThat(getSecret(name, "/secrets/granted", token(tenant, stranger, VAULT_RESOURCE)).statusCode())
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void servesCertificatesAsPfxWithAnEmptyPasswordAndAsPem() throws Exception {
        String name = newVault("certs");
        vault.grant(name, appId, "*");
        TestPki.Issued ca = TestPki.ca("issuing CA");
        TestPki.Issued cert = TestPki.issue(ca, "exo-token app", keys, "app.example");

        String pfxVersion = vault.putCertificate(name, "app-cert", cert, KeyVaultSimulator.Format.PFX);
        Map<String, Object> pfx = json(getSecret(name, "/secrets/app-cert", token()));
        assertThat(pfx).containsEntry("contentType", "application/x-pkcs12").containsEntry("managed", true)
                .containsEntry("kid", "https://" + name + ".vault.azure.net/keys/app-cert/" + pfxVersion)
                .containsEntry("id", "https://" + name + ".vault.azure.net/secrets/app-cert/" + pfxVersion);
        Map<String, Object> attributes = (Map<String, Object>) pfx.get("attributes");
        assertThat(((Number) attributes.get("nbf")).longValue()).isEqualTo(cert.certificate().getNotBefore().getTime() / 1000);
        assertThat(((Number) attributes.get("exp")).longValue()).isEqualTo(cert.certificate().getNotAfter().getTime() / 1000);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode((String) pfx.get("value"))), new char[0]);
        String alias = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst().orElseThrow();
        assertThat(store.getKey(alias, new char[0]).getEncoded()).isEqualTo(cert.privateKey().getEncoded());
        assertThat(store.getCertificateChain(alias)).containsExactly(cert.certificate(), ca.certificate());

        String pemVersion = vault.putCertificate(name, "app-cert", cert, KeyVaultSimulator.Format.PEM);
        Map<String, Object> pem = json(getSecret(name, "/secrets/app-cert", token()));
        assertThat(pem).containsEntry("contentType", "application/x-pem-file")
                .containsEntry("kid", "https://" + name + ".vault.azure.net/keys/app-cert/" + pemVersion);
        String text = (String) pem.get("value");
        assertThat(text).startsWith("-----BEGIN " + "PRIVATE KEY-----"); // split: a header, not key material
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            assertThat(((PrivateKeyInfo) parser.readObject()).getEncoded()).isEqualTo(cert.privateKey().getEncoded());
        }
        assertThat(certificates(text)).containsExactly(cert.certificate(), ca.certificate());
        // the older version is still there, as PFX
        assertThat(json(getSecret(name, "/secrets/app-cert/" + pfxVersion, token())))
                .containsEntry("contentType", "application/x-pkcs12");
    }

    @Test
    void aNonExportableKeyLeavesOnlyTheCertificateInTheValue() throws Exception {
        String name = newVault("nokey");
        vault.grant(name, appId, "*");
        TestPki.Issued cert = TestPki.selfSigned("hsm-backed", keys);
        vault.putCertificateWithoutKey(name, "pfx", cert, KeyVaultSimulator.Format.PFX);
        vault.putCertificateWithoutKey(name, "pem", cert, KeyVaultSimulator.Format.PEM);

        Map<String, Object> pfx = json(getSecret(name, "/secrets/pfx", token()));
        assertThat(pfx).containsEntry("contentType", "application/x-pkcs12").containsEntry("managed", true);
        byte[] der = Base64.getDecoder().decode((String) pfx.get("value"));
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        jdk.load(new ByteArrayInputStream(der), new char[0]); // the MAC checks out with the empty password
        assertThat(Collections.list(jdk.aliases())).noneMatch(a -> isKey(jdk, a));
        KeyStore bc = KeyStore.getInstance("PKCS12", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        bc.load(new ByteArrayInputStream(der), new char[0]);
        List<String> aliases = Collections.list(bc.aliases());
        assertThat(aliases).isNotEmpty().noneMatch(a -> isKey(bc, a));
        assertThat(bc.getCertificate(aliases.get(0))).isEqualTo(cert.certificate());

        String pem = (String) json(getSecret(name, "/secrets/pem", token())).get("value");
        assertThat(pem).doesNotContain("PRIVATE KEY").startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(certificates(pem)).containsExactly(cert.certificate());
    }

    @Test
    @SuppressWarnings("unchecked")
    void disabledExpiredAndDeletedSecretsAnswerAsKeyVaultDoes() throws Exception {
        String name = newVault("lifecycle");
        vault.grant(name, appId, "*");
        String v1 = vault.putSecret(name, "s", "one", null);
        String v2 = vault.putSecret(name, "s", "two", null);

        vault.disable(name, "s", v2);
        Map<String, Object> disabled = error(getSecret(name, "/secrets/s", token()), 403, "Forbidden");
        assertThat(disabled).containsEntry("message", "Operation get is not allowed on a disabled secret.");
        assertThat(innerCode(disabled)).isEqualTo("SecretDisabled");
        assertThat(json(getSecret(name, "/secrets/s/" + v1, token()))).containsEntry("value", "one");
        vault.enable(name, "s", v2);
        assertThat(json(getSecret(name, "/secrets/s", token()))).containsEntry("value", "two");

        Instant past = Instant.now().minus(Duration.ofDays(1));
        vault.putSecret(name, "expired", "still-served", null, past.minus(Duration.ofDays(30)), past, Map.of());
        HttpResponse<String> expired = getSecret(name, "/secrets/expired", token());
        assertThat(expired.statusCode()).isEqualTo(200);
        assertThat(((Number) ((Map<String, Object>) json(expired).get("attributes")).get("exp")).longValue())
                .isEqualTo(past.getEpochSecond());

        String missingVersion = "0123456789abcdef0123456789abcdef";
        assertThat((String) error(getSecret(name, "/secrets/s/" + missingVersion, token()), 404, "SecretNotFound")
                .get("message")).startsWith("A secret with (name/id) s/" + missingVersion + " was not found in this"
                        + " key vault.");
        vault.delete(name, "s");
        assertThat((String) error(getSecret(name, "/secrets/s", token()), 404, "SecretNotFound").get("message"))
                .startsWith("A secret with (name/id) s was not found in this key vault. If you recently deleted this"
                        + " secret you may be able to recover it");
        assertThat((String) error(getSecret(name, "/secrets/s/" + v1, token()), 404, "SecretNotFound").get("message"))
                .startsWith("A secret with (name/id) s/" + v1 + " was not found in this key vault.");
    }

    @Test
    void unknownVaultsAndOtherHostsFailAtTheConnection() throws Exception {
        vault.proxy().clearTunnels();
        assertThatThrownBy(() -> get("https://nosuchvault.vault.azure.net/secrets/s?api-version=7.4", token()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get("https://login.example.com/steal", token())).isInstanceOf(IOException.class);
        assertThat(vault.proxy().tunnels()).contains(new VaultHostProxy.Tunnel("nosuchvault.vault.azure.net:443", 502),
                new VaultHostProxy.Tunnel("login.example.com:443", 403));

        // bypassing the proxy reaches no vault
        HttpClient direct = HttpClient.newBuilder().sslContext(vault.clientSslContext()).build();
        HttpResponse<String> response = direct.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + vault.port()
                + "/secrets/s?api-version=7.4")).header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat((String) error(response, 400, "BadParameter").get("message"))
                .contains("is not a vault of this simulator");
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        String name = newVault("paths");
        vault.grant(name, appId, "*");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(vault.vaultUrl(name)
                + "/secrets/s?api-version=7.4")).header("Authorization", "Bearer " + token())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(error(getSecret(name, "/keys/k", token()), 404, "NotFound"))
                .containsEntry("message", "The requested path '/keys/k' was not found.");
        assertThat(error(getSecret(name, "/secrets", token()), 404, "NotFound"))
                .containsEntry("message", "The requested path '/secrets' was not found.");
    }

    @Test
    void aChallengeCanBeMadeToNameAnotherResource() throws Exception {
        String name = newVault("evil");
        vault.challenge(name, "https://login.microsoftonline.com/" + tenant, "https://attacker.example");
        assertThat(getSecret(name, "/secrets/s", null).headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer authorization=\"https://login.microsoftonline.com/" + tenant + "\", resource=\"https://attacker.example\"");
    }

    @Test
    void faultsAreInjectedAndRequestsCounted() throws Exception {
        String name = newVault("faults");
        vault.grant(name, appId, "*");
        vault.putSecret(name, "s", "v", null);
        vault.resetCounts();

        vault.inject(Fault.throttled("3"), Fault.status(503, "1"),
                Fault.status(500), Fault.slow(Duration.ofMillis(300)));
        HttpResponse<String> throttled = getSecret(name, "/secrets/s", token());
        assertThat((String) error(throttled, 429, "Throttled").get("message"))
                .startsWith("Request was not processed because too many requests were received.");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
        HttpResponse<String> unavailable = getSecret(name, "/secrets/s", token());
        assertThat((String) error(unavailable, 503, "ServiceUnavailable").get("message"))
                .startsWith("The service is temporarily unavailable.");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(error(getSecret(name, "/secrets/s", token()), 500, "InternalServerError"))
                .containsEntry("message", "An unexpected error occurred.");
        long start = System.nanoTime();
        assertThat(getSecret(name, "/secrets/s", token()).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        getSecret(name, "/secrets/other", null);

        assertThat(vault.requests()).isEqualTo(5);
        assertThat(vault.requests(name, "s")).isEqualTo(4);
        assertThat(vault.requests(name, "S")).isEqualTo(4);
        assertThat(vault.requests(name, "other")).isEqualTo(1);
        assertThat(vault.seen()).extracting(KeyVaultSimulator.SeenRequest::status).containsExactly(429, 503, 500, 200, 401);
        assertThat(vault.seen().get(3).appId()).isEqualTo(appId);
        assertThat(vault.seen().get(4).bearer()).isFalse();
        vault.resetCounts();
        assertThat(vault.requests()).isZero();
        assertThat(vault.requests(name, "s")).isZero();
    }

    @Test
    void aTokenFromTheEntraSimulatorThroughTheSameProxyOpensTheVault() throws Exception {
        String name = newVault("e2e");
        vault.grant(name, appId, "*");
        vault.putSecret(name, "s", "v", null);

        HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(URI.create(entra.tokenUrl(tenant)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + appId
                        + "&scope=" + URLEncoder.encode("https://vault.azure.net/.default", StandardCharsets.UTF_8)
                        + "&client_secret=" + URLEncoder.encode(appSecret, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        String accessToken = (String) json(tokenResponse).get("access_token");

        assertThat(json(getSecret(name, "/secrets/s", accessToken))).containsEntry("value", "v");
        assertThat(vault.proxy().tunnels()).extracting(VaultHostProxy.Tunnel::target)
                .contains(entra.authorityHost().substring("https://".length()), name + ".vault.azure.net:443");
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> certificates(String pem) throws Exception {
        String certs = pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----"));
        List<X509Certificate> result = new ArrayList<>();
        for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(certs.getBytes(StandardCharsets.US_ASCII)))) {
            result.add((X509Certificate) c);
        }
        return result;
    }
}
