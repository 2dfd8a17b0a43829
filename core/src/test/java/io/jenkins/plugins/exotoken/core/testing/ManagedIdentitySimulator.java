package io.jenkins.plugins.exotoken.core.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A strict stand-in for the two managed identity token endpoints msal4j 1.26.1 calls, on plain HTTP on
 * 127.0.0.1 (the real endpoints are plain HTTP too), bound to a given port so a forked test JVM's
 * environment can point at it. Tokens are issued by the {@link EntraSimulator} ({@link
 * EntraSimulator#issueToken}), so any simulator that trusts Entra tokens accepts them. It follows these
 * documented behaviours (request shapes checked against msal4j 1.26.1's AppServiceManagedIdentitySource,
 * IMDSManagedIdentitySource, ManagedIdentityRequest, ManagedIdentityResponse, ManagedIdentityErrorResponse):
 *
 * <ul>
 *   <li><b>App Service / Functions / Container Apps</b> ("Managed identities for App Service and Azure
 *       Functions", REST protocol 2019-08-01): {@code GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=…
 *       [&client_id=…]} with header {@code X-IDENTITY-HEADER} = {@code IDENTITY_HEADER}; {@link #identityEndpoint()}
 *       is the value for {@code IDENTITY_ENDPOINT} ({@code http://127.0.0.1:PORT/msi/token}). Success:
 *       {@code access_token}, {@code expires_on} (epoch seconds as a string), {@code resource},
 *       {@code token_type} "Bearer", {@code client_id}. Errors are {@code {"statusCode":N,"message":"…",
 *       "correlationId":"…"}} (the shape msal's ManagedIdentityErrorResponse reads); an unknown user-assigned
 *       identity, or no client id where no system-assigned identity exists → 400 "Unable to load the proper
 *       Managed Identity." (real wording). <em>Guessed:</em> a missing or wrong {@code X-IDENTITY-HEADER} →
 *       401; a missing or other api-version, or missing resource → 400 with that shape.
 *   <li><b>IMDS</b> ("How to use managed identities on an Azure VM to acquire an access token"):
 *       {@code GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=…[&client_id=…]} with
 *       {@code Metadata: true}; {@link #imdsAuthorityHost()} is the value for
 *       {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} (msal appends the path). Success: all values strings —
 *       {@code access_token}, {@code client_id}, {@code expires_in}, {@code expires_on}, {@code ext_expires_in},
 *       {@code not_before}, {@code resource}, {@code token_type}. Errors are {@code {"error":"…",
 *       "error_description":"…"}}: missing {@code Metadata: true} → 400 invalid_request "Required metadata header
 *       not specified"; a request with {@code X-Forwarded-For} (a proxied request) → 400; an unknown client id,
 *       or no client id without a system-assigned identity → 400 invalid_request "Identity not found" (real);
 *       missing resource → 400 invalid_request "Required query variable 'resource' is missing"; missing or
 *       unknown api-version → 400 {@code {"error":"Bad request. api-version was not specified in the request…",
 *       "newest-versions":[…]}} (IMDS's documented shape).
 *   <li><b>Both</b>: an unknown resource → 400 with Entra's AADSTS500011 text relayed; {@code object_id},
 *       {@code mi_res_id}, {@code msi_res_id}, {@code principal_id} identify nothing here, so they are handled as
 *       an unknown identity. The token's {@code aud} is the resource exactly as requested (v1 tokens), its
 *       {@code appid} the identity's client id, its {@code tid} the identity's tenant.
 *   <li><b>Throttling and outages</b>: injected faults answer 429 or 5xx (with {@code Retry-After} when given),
 *       or delay the answer; every request is counted. Note msal's own retries: IMDS retries 404, 408, 410, 429
 *       and 5xx three times after 2, 4 and 8 s; App Service retries 404, 408, 429, 500, 503, 504 three times
 *       after 1 s each; both ignore {@code Retry-After}.
 * </ul>
 */
public final class ManagedIdentitySimulator implements AutoCloseable {

    public enum Style { APP_SERVICE, IMDS }


    /** A request as the simulator saw it: path, query parameters, and the status answered (no secrets). */
    public record SeenRequest(String method, String path, Map<String, String> query, boolean identityHeaderOk,
            int status) {}

    private record Identity(String tenantId, String clientId) {}

    public static final String APP_SERVICE_API_VERSION = "2019-08-01";
    public static final Set<String> IMDS_API_VERSIONS = Set.of("2018-02-01", "2019-03-11", "2019-08-01",
            "2019-11-01", "2020-06-01", "2020-09-01", "2021-01-01", "2021-02-01", "2021-05-01", "2021-10-01");
    private static final List<String> IMDS_NEWEST = List.of("2021-10-01", "2021-05-01", "2021-02-01");
    private static final Set<String> ID_PARAMETERS = Set.of("object_id", "principal_id", "mi_res_id", "msi_res_id");

    private final EntraSimulator entra;
    private final Style style;
    private final String identityHeader;
    private final LoopbackServer server;
    private volatile String defaultTenant;
    private volatile Identity systemAssigned;
    private final Map<String, Identity> userAssigned = new ConcurrentHashMap<>();
    private final Set<String> resources = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();

    private ManagedIdentitySimulator(EntraSimulator entra, Style style, int port, String identityHeader)
            throws IOException {
        this.entra = entra;
        this.style = style;
        this.identityHeader = identityHeader;
        resources.addAll(List.of("https://vault.azure.net", "https://vault.usgovcloudapi.net", "https://vault.azure.cn",
                "https://graph.microsoft.com", "https://outlook.office365.com", "https://management.azure.com"));
        server = LoopbackServer.http(port, 8, this::handle);
    }

    /** The App Service style endpoint on {@code port} (0: any free port, see {@link #port()}). */
    public static ManagedIdentitySimulator startAppService(EntraSimulator entra, int port, String identityHeader) {
        try {
            return new ManagedIdentitySimulator(entra, Style.APP_SERVICE, port, identityHeader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the App Service managed identity endpoint on port " + port, e);
        }
    }

    /** The IMDS style endpoint on {@code port} (0: any free port, see {@link #port()}). */
    public static ManagedIdentitySimulator startImds(EntraSimulator entra, int port) {
        try {
            return new ManagedIdentitySimulator(entra, Style.IMDS, port, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the IMDS managed identity endpoint on port " + port, e);
        }
    }

    public int port() {
        return server.port();
    }

    public Style style() {
        return style;
    }

    /** The value for {@code IDENTITY_ENDPOINT}: {@code http://127.0.0.1:PORT/msi/token}. */
    public String identityEndpoint() {
        return "http://127.0.0.1:" + port() + "/msi/token";
    }

    /** The value for {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}: {@code http://127.0.0.1:PORT}. */
    public String imdsAuthorityHost() {
        return "http://127.0.0.1:" + port();
    }

    /** The full token URL of this endpoint, without query. */
    public String tokenUrl() {
        return style == Style.APP_SERVICE ? identityEndpoint() : imdsAuthorityHost() + "/metadata/identity/oauth2/token";
    }

    // ---- set-up ----

    /** The tenant of identities registered without one. */
    public ManagedIdentitySimulator tenant(String tenantId) {
        this.defaultTenant = tenantId;
        return this;
    }

    /** The host's system-assigned identity; its tokens carry {@code appid} = {@code principalAppId}. */
    public ManagedIdentitySimulator systemAssigned(String principalAppId) {
        return systemAssigned(requireTenant(), principalAppId);
    }

    public ManagedIdentitySimulator systemAssigned(String tenantId, String principalAppId) {
        systemAssigned = new Identity(tenantId, principalAppId);
        return this;
    }

    /** A user-assigned identity attached to the host, asked for by {@code client_id}. */
    public ManagedIdentitySimulator userAssigned(String clientId) {
        return userAssigned(requireTenant(), clientId);
    }

    public ManagedIdentitySimulator userAssigned(String tenantId, String clientId) {
        userAssigned.put(clientId.toLowerCase(Locale.ROOT), new Identity(tenantId, clientId));
        return this;
    }

    /** A resource tokens may be asked for (the public clouds' vaults, Graph, Exchange and ARM are known). */
    public ManagedIdentitySimulator resource(String resource) {
        resources.add(stripSlash(resource));
        return this;
    }

    public void inject(Fault... injected) {
        faults.addAll(List.of(injected));
    }

    /** Answers the next requests with these hostile answers instead of the simulator's own, one each. */
    public void injectHostile(HostileAnswer... answers) {
        server.injectHostile(answers);
    }

    private String requireTenant() {
        if (defaultTenant == null) {
            throw new IllegalStateException("call tenant(tenantId) first, or pass the tenant");
        }
        return defaultTenant;
    }

    // ---- observation ----

    public int requests() {
        return requests.get();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<SeenRequest> seen() {
        return List.copyOf(seen);
    }

    public void resetCounts() {
        requests.set(0);
        tokensIssued.set(0);
        seen.clear();
        server.clearHostile();
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the endpoint ----

    private record Answer(int status, Map<String, String> headers, String body) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = FormEncoding.decode(exchange.getRequestURI().getRawQuery());
            boolean headerOk = style == Style.APP_SERVICE
                    ? identityHeader != null && identityHeader.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))
                    : "true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Metadata"));
            Answer answer;
            String expectedPath = style == Style.APP_SERVICE ? "/msi/token" : "/metadata/identity/oauth2/token";
            if (!expectedPath.equals(path)) {
                answer = style == Style.APP_SERVICE ? appServiceError(404, "Not Found")
                        : new Answer(404, Map.of(), "{\"error\":\"Not found\"}");
            } else {
                if (server.answeredHostile(exchange)) {
                    return;
                }
                Fault fault = faults.poll();
                if (fault != null) {
                    fault.pause();
                }
                if (fault != null && fault.status() != 0) {
                    answer = faultAnswer(fault);
                } else if (style == Style.APP_SERVICE) {
                    answer = appService(exchange, query, headerOk);
                } else {
                    answer = imds(exchange, query, headerOk);
                }
            }
            seen.add(new SeenRequest(exchange.getRequestMethod(), path, Map.copyOf(query), headerOk, answer.status()));
            send(exchange, answer);
        }
    }

    private Answer appService(HttpExchange exchange, Map<String, String> query, boolean headerOk) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return appServiceError(405, "The requested resource does not support http method '"
                    + exchange.getRequestMethod() + "'.");
        }
        if (!headerOk) {
            return appServiceError(401, "The X-IDENTITY-HEADER header is missing or invalid.");
        }
        String apiVersion = query.get("api-version");
        if (apiVersion == null || apiVersion.isEmpty()) {
            return appServiceError(400, "The api-version query parameter is required.");
        }
        if (!APP_SERVICE_API_VERSION.equals(apiVersion)) {
            return appServiceError(400, "The api-version '" + apiVersion + "' is not supported with the"
                    + " X-IDENTITY-HEADER protocol; use " + APP_SERVICE_API_VERSION + ".");
        }
        String resource = query.get("resource");
        if (resource == null || resource.isEmpty()) {
            return appServiceError(400, "The resource query parameter is required.");
        }
        Identity identity = identity(query);
        if (identity == null) {
            return appServiceError(400, "Unable to load the proper Managed Identity.");
        }
        if (!resources.contains(stripSlash(resource))) {
            return appServiceError(400, aadsts500011(resource, identity.tenantId()));
        }
        String token = issue(identity, resource);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_on", Long.toString(expiry(token)));
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        body.put("client_id", identity.clientId());
        return new Answer(200, Map.of(), JSONObjectUtils.toJSONString(body));
    }

    private Answer imds(HttpExchange exchange, Map<String, String> query, boolean headerOk) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return imdsError(405, "invalid_request", "The requested method is not allowed.");
        }
        if (!headerOk) {
            return imdsError(400, "invalid_request", "Required metadata header not specified");
        }
        if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
            return imdsError(400, "invalid_request", "Requests with the X-Forwarded-For header are not allowed");
        }
        String apiVersion = query.get("api-version");
        if (apiVersion == null || apiVersion.isEmpty() || !IMDS_API_VERSIONS.contains(apiVersion)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", apiVersion == null || apiVersion.isEmpty()
                    ? "Bad request. api-version was not specified in the request. For more information refer to aka.ms/azureimds"
                    : "Bad request. api-version is invalid. For more information refer to aka.ms/azureimds");
            body.put("newest-versions", IMDS_NEWEST);
            return new Answer(400, Map.of(), JSONObjectUtils.toJSONString(body));
        }
        String resource = query.get("resource");
        if (resource == null || resource.isEmpty()) {
            return imdsError(400, "invalid_request", "Required query variable 'resource' is missing");
        }
        Identity identity = identity(query);
        if (identity == null) {
            return imdsError(400, "invalid_request", "Identity not found");
        }
        if (!resources.contains(stripSlash(resource))) {
            return imdsError(400, "invalid_resource", aadsts500011(resource, identity.tenantId()));
        }
        String token = issue(identity, resource);
        long expiresOn = expiry(token);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("client_id", identity.clientId());
        body.put("expires_in", Long.toString(Math.max(0, expiresOn - now)));
        body.put("expires_on", Long.toString(expiresOn));
        body.put("ext_expires_in", Long.toString(Math.max(0, expiresOn - now)));
        body.put("not_before", Long.toString(now));
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        return new Answer(200, Map.of(), JSONObjectUtils.toJSONString(body));
    }

    /** The identity a request names: {@code client_id}, or the system-assigned one; null when none matches. */
    private Identity identity(Map<String, String> query) {
        for (String other : ID_PARAMETERS) {
            if (query.containsKey(other)) {
                return null;
            }
        }
        String clientId = query.get("client_id");
        if (clientId != null && !clientId.isEmpty()) {
            return userAssigned.get(clientId.toLowerCase(Locale.ROOT));
        }
        return systemAssigned;
    }

    private String issue(Identity identity, String resource) {
        tokensIssued.incrementAndGet();
        return entra.issueToken(identity.tenantId(), identity.clientId(), resource, List.of());
    }

    private long expiry(String token) {
        return entra.verifyIssued(token).getExpirationTime().toInstant().getEpochSecond();
    }

    private static String aadsts500011(String resource, String tenantId) {
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        return "AADSTS500011: The resource principal named " + resource + " was not found in the tenant named "
                + tenantId + ". This can happen if the application has not been installed by the administrator of"
                + " the tenant or consented to by any user in the tenant. You might have sent your authentication"
                + " request to the wrong tenant.\r\nTrace ID: " + UUID.randomUUID() + "\r\nCorrelation ID: "
                + UUID.randomUUID() + "\r\nTimestamp: " + timestamp;
    }

    private Answer faultAnswer(Fault fault) {
        Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
        String message = fault.status() == 429 ? "Too many requests. Please retry after some time."
                : "An unexpected error occurred while fetching the token.";
        if (style == Style.APP_SERVICE) {
            Answer a = appServiceError(fault.status(), message);
            return new Answer(a.status(), headers, a.body());
        }
        Answer a = imdsError(fault.status(), fault.status() == 429 ? "too_many_requests" : "unknown", message);
        return new Answer(a.status(), headers, a.body());
    }

    private static Answer appServiceError(int status, String message) {
        String correlationId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        body.put("correlationId", correlationId);
        return new Answer(status, Map.of("X-CORRELATION-ID", correlationId), JSONObjectUtils.toJSONString(body));
    }

    private static Answer imdsError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return new Answer(status, Map.of(), JSONObjectUtils.toJSONString(body));
    }

    private static String stripSlash(String resource) {
        return resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
    }


    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Server", style == Style.APP_SERVICE ? "Kestrel" : "IMDS/150.870.65.1380");
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
