package io.jenkins.plugins.exotoken.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The managed identity simulators answer requests shaped as msal4j 1.26.1 sends them (hand-made here with the
 * JDK client; msal's ManagedIdentityApplication itself needs environment variables on a forked JVM).
 */
class ManagedIdentitySimulatorTest {

    private static final String IDENTITY_HEADER = "hdr-" + UUID.randomUUID();
    private static final String VAULT = "https://vault.azure.net";

    private static EntraSimulator entra;
    private static ManagedIdentitySimulator appService;
    private static ManagedIdentitySimulator imds;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String tenant = UUID.randomUUID().toString();
    private static final String systemAppId = UUID.randomUUID().toString();
    private static final String userClientId = UUID.randomUUID().toString();

    @BeforeAll
    static void start() {
        entra = EntraSimulator.start();
        entra.tenant(tenant);
        appService = ManagedIdentitySimulator.startAppService(entra, 0, IDENTITY_HEADER).tenant(tenant)
                .systemAssigned(systemAppId).userAssigned(userClientId);
        imds = ManagedIdentitySimulator.startImds(entra, 0).tenant(tenant)
                .systemAssigned(systemAppId).userAssigned(userClientId);
    }

    @AfterAll
    static void stop() {
        appService.close();
        imds.close();
        entra.close();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As msal4j's AppServiceManagedIdentitySource builds it. */
    private static HttpResponse<String> appServiceToken(String resource, String clientId) throws Exception {
        return get(appService.identityEndpoint() + "?api-version=2019-08-01&resource=" + q(resource)
                + (clientId == null ? "" : "&client_id=" + q(clientId)), Map.of("X-IDENTITY-HEADER", IDENTITY_HEADER));
    }

    /** As msal4j's IMDSManagedIdentitySource builds it. */
    private static HttpResponse<String> imdsToken(String resource, String clientId) throws Exception {
        return get(imds.imdsAuthorityHost() + "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
                + q(resource) + (clientId == null ? "" : "&client_id=" + q(clientId)),
                Map.of("Metadata", "true", "x-client-SKU", "MSAL.Java", "x-ms-client-request-id", UUID.randomUUID().toString()));
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    private static void assertAppServiceError(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Map<String, Object> body = json(response);
        assertThat(((Number) body.get("statusCode")).intValue()).isEqualTo(status);
        assertThat((String) body.get("message")).contains(message);
        assertThat((String) body.get("correlationId")).matches("[0-9a-f-]{36}");
    }

    private static void assertImdsError(HttpResponse<String> response, String error, String description) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", error);
        assertThat((String) json(response).get("error_description")).contains(description);
    }

    @Test
    void appServiceIssuesTokensForTheSystemAndUserAssignedIdentities() throws Exception {
        HttpResponse<String> system = appServiceToken(VAULT, null);
        assertThat(system.statusCode()).as(system.body()).isEqualTo(200);
        Map<String, Object> body = json(system);
        assertThat(body).containsOnlyKeys("access_token", "expires_on", "resource", "token_type", "client_id")
                .containsEntry("resource", VAULT).containsEntry("token_type", "Bearer")
                .containsEntry("client_id", systemAppId);
        assertThat(body.get("expires_on")).isInstanceOf(String.class);
        JWTClaimsSet claims = entra.verifyIssued((String) body.get("access_token"));
        assertThat(claims.getAudience()).containsExactly(VAULT);
        assertThat(claims.getStringClaim("appid")).isEqualTo(systemAppId);
        assertThat(claims.getStringClaim("tid")).isEqualTo(tenant);
        assertThat(Long.parseLong((String) body.get("expires_on"))).isEqualTo(claims.getExpirationTime().getTime() / 1000)
                .isGreaterThan(Instant.now().getEpochSecond());

        Map<String, Object> user = json(appServiceToken(VAULT + "/", userClientId.toUpperCase()));
        assertThat(user).containsEntry("client_id", userClientId).containsEntry("resource", VAULT + "/");
        JWTClaimsSet userClaims = entra.verifyIssued((String) user.get("access_token"));
        assertThat(userClaims.getStringClaim("appid")).isEqualTo(userClientId);
        assertThat(userClaims.getAudience()).containsExactly(VAULT + "/");
    }

    @Test
    void appServiceRefusesWhatTheRealEndpointRefuses() throws Exception {
        assertAppServiceError(appServiceToken(VAULT, UUID.randomUUID().toString()), 400,
                "Unable to load the proper Managed Identity.");
        String base = appService.identityEndpoint() + "?api-version=2019-08-01&resource=" + q(VAULT);
        assertAppServiceError(get(base, Map.of()), 401, "X-IDENTITY-HEADER");
        assertAppServiceError(get(base, Map.of("X-IDENTITY-HEADER", "wrong")), 401, "X-IDENTITY-HEADER");
        assertAppServiceError(get(appService.identityEndpoint() + "?resource=" + q(VAULT),
                Map.of("X-IDENTITY-HEADER", IDENTITY_HEADER)), 400, "api-version");
        assertAppServiceError(get(appService.identityEndpoint() + "?api-version=2017-09-01&resource=" + q(VAULT),
                Map.of("X-IDENTITY-HEADER", IDENTITY_HEADER)), 400, "2017-09-01");
        assertAppServiceError(get(appService.identityEndpoint() + "?api-version=2019-08-01",
                Map.of("X-IDENTITY-HEADER", IDENTITY_HEADER)), 400, "resource");
        assertAppServiceError(appServiceToken("https://vault.azure.net/.default", null), 400, "AADSTS500011");
        assertAppServiceError(get(base + "&mi_res_id=" + q("/subscriptions/x/resourcegroups/y/providers/"
                + "Microsoft.ManagedIdentity/userAssignedIdentities/z"), Map.of("X-IDENTITY-HEADER", IDENTITY_HEADER)),
                400, "Unable to load the proper Managed Identity.");
        assertThat(get("http://127.0.0.1:" + appService.port() + "/other",
                Map.of("X-IDENTITY-HEADER", IDENTITY_HEADER)).statusCode()).isEqualTo(404);
    }

    @Test
    void imdsIssuesTokensAsTheVmEndpointDoes() throws Exception {
        HttpResponse<String> system = imdsToken(VAULT, null);
        assertThat(system.statusCode()).as(system.body()).isEqualTo(200);
        Map<String, Object> body = json(system);
        assertThat(body).containsOnlyKeys("access_token", "client_id", "expires_in", "expires_on", "ext_expires_in",
                "not_before", "resource", "token_type").containsEntry("resource", VAULT)
                .containsEntry("token_type", "Bearer").containsEntry("client_id", systemAppId);
        assertThat(body.values()).allMatch(v -> v instanceof String);
        JWTClaimsSet claims = entra.verifyIssued((String) body.get("access_token"));
        assertThat(Long.parseLong((String) body.get("expires_on"))).isEqualTo(claims.getExpirationTime().getTime() / 1000);
        assertThat(Long.parseLong((String) body.get("expires_in"))).isBetween(3500L, 3600L);

        Map<String, Object> user = json(imdsToken(VAULT, userClientId));
        assertThat(entra.verifyIssued((String) user.get("access_token")).getStringClaim("appid")).isEqualTo(userClientId);
    }

    @Test
    void imdsRefusesWhatTheRealEndpointRefuses() throws Exception {
        assertImdsError(imdsToken(VAULT, UUID.randomUUID().toString()), "invalid_request", "Identity not found");
        String url = imds.tokenUrl() + "?api-version=2018-02-01&resource=" + q(VAULT);
        assertImdsError(get(url, Map.of()), "invalid_request", "Required metadata header not specified");
        assertImdsError(get(url, Map.of("Metadata", "false")), "invalid_request", "Required metadata header not specified");
        assertImdsError(get(url, Map.of("Metadata", "true", "X-Forwarded-For", "10.0.0.1")), "invalid_request",
                "X-Forwarded-For");
        assertImdsError(get(imds.tokenUrl() + "?api-version=2018-02-01", Map.of("Metadata", "true")),
                "invalid_request", "Required query variable 'resource' is missing");
        HttpResponse<String> noVersion = get(imds.tokenUrl() + "?resource=" + q(VAULT), Map.of("Metadata", "true"));
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat((String) json(noVersion).get("error")).startsWith("Bad request. api-version was not specified");
        assertThat(json(noVersion)).containsKey("newest-versions");
        assertImdsError(imdsToken("https://unknown.example", null), "invalid_resource", "AADSTS500011");
    }

    @Test
    void withoutASystemAssignedIdentityAClientIdIsNeeded() throws Exception {
        try (ManagedIdentitySimulator onlyUser = ManagedIdentitySimulator.startImds(entra, 0)
                .userAssigned(tenant, userClientId);
                ManagedIdentitySimulator onlyUserApp = ManagedIdentitySimulator.startAppService(entra, 0, "h")
                        .userAssigned(tenant, userClientId)) {
            assertImdsError(get(onlyUser.tokenUrl() + "?api-version=2018-02-01&resource=" + q(VAULT),
                    Map.of("Metadata", "true")), "invalid_request", "Identity not found");
            assertAppServiceError(get(onlyUserApp.tokenUrl() + "?api-version=2019-08-01&resource=" + q(VAULT),
                    Map.of("X-IDENTITY-HEADER", "h")), 400, "Unable to load the proper Managed Identity.");
            assertThat(get(onlyUser.tokenUrl() + "?api-version=2018-02-01&resource=" + q(VAULT) + "&client_id="
                    + userClientId, Map.of("Metadata", "true")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void startsOnAGivenPort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (ManagedIdentitySimulator fixed = ManagedIdentitySimulator.startImds(entra, port).tenant(tenant)
                .systemAssigned(systemAppId)) {
            assertThat(fixed.port()).isEqualTo(port);
            assertThat(fixed.imdsAuthorityHost()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(get(fixed.tokenUrl() + "?api-version=2018-02-01&resource=" + q(VAULT), Map.of("Metadata", "true"))
                    .statusCode()).isEqualTo(200);
        }
        assertThat(appService.identityEndpoint()).isEqualTo("http://127.0.0.1:" + appService.port() + "/msi/token");
    }

    @Test
    void faultsAreInjectedAndRequestsCounted() throws Exception {
        try (ManagedIdentitySimulator app = ManagedIdentitySimulator.startAppService(entra, 0, "h").tenant(tenant)
                .systemAssigned(systemAppId);
                ManagedIdentitySimulator vm = ManagedIdentitySimulator.startImds(entra, 0).tenant(tenant)
                        .systemAssigned(systemAppId)) {
            String appUrl = app.tokenUrl() + "?api-version=2019-08-01&resource=" + q(VAULT);
            app.inject(Fault.throttled("7"), Fault.status(500, "1"),
                    Fault.slow(Duration.ofMillis(200)));
            HttpResponse<String> throttled = get(appUrl, Map.of("X-IDENTITY-HEADER", "h"));
            assertAppServiceError(throttled, 429, "Too many requests.");
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
            HttpResponse<String> failed = get(appUrl, Map.of("X-IDENTITY-HEADER", "h"));
            assertAppServiceError(failed, 500, "An unexpected error occurred");
            assertThat(failed.headers().firstValue("Retry-After")).hasValue("1");
            long start = System.nanoTime();
            assertThat(get(appUrl, Map.of("X-IDENTITY-HEADER", "h")).statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(app.requests()).isEqualTo(3);
            assertThat(app.tokensIssued()).isEqualTo(1);
            assertThat(app.seen()).extracting(ManagedIdentitySimulator.SeenRequest::status).containsExactly(429, 500, 200);
            assertThat(app.seen().get(2).query()).containsEntry("api-version", "2019-08-01").containsEntry("resource", VAULT);

            vm.inject(Fault.throttled("2"));
            HttpResponse<String> vmThrottled = get(vm.tokenUrl() + "?api-version=2018-02-01&resource=" + q(VAULT),
                    Map.of("Metadata", "true"));
            assertThat(vmThrottled.statusCode()).isEqualTo(429);
            assertThat(vmThrottled.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(json(vmThrottled)).containsEntry("error", "too_many_requests").containsKey("error_description");
            assertThat(vm.requests()).isEqualTo(1);
            vm.resetCounts();
            app.resetCounts();
            assertThat(vm.requests()).isZero();
            assertThat(app.seen()).isEmpty();
        }
    }

    @Test
    void managedIdentityTokensOpenTheKeyVaultSimulator() throws Exception {
        try (KeyVaultSimulator vault = KeyVaultSimulator.start(entra)) {
            vault.createVault("mi-vault", tenant);
            vault.grant("mi-vault", systemAppId, "*");
            vault.putSecret("mi-vault", "s", "from-mi", null);
            String token = (String) json(imdsToken(VAULT, null)).get("access_token");
            HttpClient client = HttpClient.newBuilder().sslContext(vault.clientSslContext())
                    .proxy(vault.proxySelector()).build();
            HttpResponse<String> secret = client.send(HttpRequest.newBuilder(URI.create(vault.vaultUrl("mi-vault")
                    + "/secrets/s?api-version=7.6")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(secret.statusCode()).as(secret.body()).isEqualTo(200);
            assertThat(json(secret)).containsEntry("value", "from-mi");
            // the http MI endpoint is not proxied by the vault proxy selector
            assertThat(vault.proxySelector().select(URI.create(imds.tokenUrl()))).containsExactly(java.net.Proxy.NO_PROXY);
        }
    }
}
