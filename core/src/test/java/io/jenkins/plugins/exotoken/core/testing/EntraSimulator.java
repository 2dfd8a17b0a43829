package io.jenkins.plugins.exotoken.core.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
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
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A strict stand-in for the Microsoft Entra ID v2.0 token endpoint, on loopback HTTPS with a CA made at
 * test time. It follows these documented behaviours:
 *
 * <ul>
 *   <li><b>OAuth 2.0 client credentials flow</b> (Microsoft identity platform): {@code POST
 *       /{tenant}/oauth2/v2.0/token}, form-encoded, {@code grant_type=client_credentials}, {@code client_id},
 *       exactly one {@code <resource>/.default} scope (the OIDC scopes msal adds are ignored), and either
 *       {@code client_secret} or a {@code client_assertion} of type {@code jwt-bearer}; tenant by GUID or
 *       verified domain. Success: {@code token_type}, {@code expires_in}, {@code ext_expires_in},
 *       {@code access_token} (a JWT with {@code aud} = resource, {@code tid}, {@code appid}, {@code roles}).
 *   <li><b>Certificate credentials</b> (client assertion format): header {@code alg} RS256 or PS256 (any
 *       other, {@code none} and HMAC included → 700027) and {@code x5t} (SHA-1) or {@code x5t#S256} of a
 *       certificate registered on the app — accepted in base64url and, as msal4j sends it, standard Base64; the
 *       signature is checked with that certificate's key; claims {@code aud} = the exact token URL,
 *       {@code iss} = {@code sub} = client id, {@code jti} present and unique (a replay is refused),
 *       {@code exp} present, neither {@code exp} past nor {@code nbf} ahead by more than 5 minutes of skew.
 *       Verification uses nimbus-jose-jwt, not the code under test.
 *   <li><b>Error responses</b> ("Microsoft Entra authentication and authorization error codes"): JSON with
 *       {@code error}, {@code error_description} ("AADSTSnnn: text\r\nTrace ID: …\r\nCorrelation ID: …\r\n
 *       Timestamp: …"), {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id},
 *       {@code error_uri}; status 400 for request errors, 401 for {@code invalid_client}. Codes used:
 *       90002 unknown tenant, 700016 unknown app, 1002012 scope without /.default, 500011 unknown resource, 7000215 wrong
 *       secret, 7000222 expired secret, 700027 certificate not registered / bad signature, 700021 iss/sub
 *       not the client id, 700024 assertion outside its time range, 50013 invalid assertion (audience,
 *       replayed jti), 50027 malformed assertion, 900382 cross-cloud, 70003 unsupported grant. The
 *       correlation id echoes the client's {@code client-request-id} header.
 *   <li><b>Throttling and outages</b>: injected faults answer 429 with {@code Retry-After} or 5xx, or delay
 *       the answer; every request is counted.
 * </ul>
 */
public final class EntraSimulator implements AutoCloseable {

    /** What a registered app may use and is granted. */
    public static final class App {
        private final String clientId;
        private final List<X509Certificate> certificates = new CopyOnWriteArrayList<>();
        private final Map<String, Instant> secrets = new ConcurrentHashMap<>();
        private final Map<String, List<String>> roles = new ConcurrentHashMap<>();

        private App(String clientId) {
            this.clientId = clientId;
        }

        public App certificate(X509Certificate certificate) {
            certificates.add(certificate);
            return this;
        }

        public App secret(String secret) {
            return secret(secret, Instant.now().plus(Duration.ofDays(365)));
        }

        public App secret(String secret, Instant expires) {
            secrets.put(secret, expires);
            return this;
        }

        /** Application permissions granted (with admin consent) on a resource. */
        public App roles(String resource, String... granted) {
            roles.put(resource, List.of(granted));
            return this;
        }
    }


    /** A request as the simulator saw it, secrets left out. */
    public record SeenRequest(String path, Map<String, String> form, Map<String, Object> assertionHeader,
            Map<String, Object> assertionClaims, int status) {}

    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access");
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final TestPki.Issued ca;
    private final SSLContext clientSsl;
    private final LoopbackServer server;
    private final KeyPair signingKey = TestPki.rsa(2048);
    private final Map<String, String> tenantAliases = new ConcurrentHashMap<>();
    private final Map<String, Map<String, App>> apps = new ConcurrentHashMap<>();
    private final Set<String> resources = ConcurrentHashMap.newKeySet();
    private final Map<String, String> foreignTenants = new ConcurrentHashMap<>();
    private final Set<String> usedJti = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile Duration tokenLifetime = Duration.ofSeconds(3599);

    private EntraSimulator() throws Exception {
        ca = TestPki.ca("exo-token test CA");
        TestPki.Issued serverCert = TestPki.issue(ca, "localhost", TestPki.rsa(2048), "localhost");
        clientSsl = trusting(ca.certificate());
        server = LoopbackServer.https(serverCert.privateKey(), serverCert.chain().toArray(new X509Certificate[0]), 16,
                this::handle);
        resources.add("https://outlook.office365.com");
        resources.add("https://graph.microsoft.com");
        resources.add("https://vault.azure.net");
    }

    public static EntraSimulator start() {
        try {
            return new EntraSimulator();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Entra ID simulator", e);
        }
    }

    static SSLContext trusting(X509Certificate caCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCertificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    // ---- set-up ----

    /** {@code https://127.0.0.1:PORT}: the authority host of a custom cloud. */
    public String authorityHost() {
        return "https://127.0.0.1:" + server.port();
    }

    public String tokenUrl(String tenant) {
        return authorityHost() + "/" + tenant + "/oauth2/v2.0/token";
    }

    /** Trusts the simulator's CA only. */
    public SSLContext clientSslContext() {
        return clientSsl;
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The test CA, for other simulators' server certificates (one trust store serves them all). */
    public TestPki.Issued ca() {
        return ca;
    }

    /**
     * A token as this Entra ID would issue it, for simulators that stand for other token issuers (managed
     * identity endpoints); {@link #verifyIssued} accepts it.
     */
    public String issueToken(String tenant, String appId, String resource, List<String> roles) {
        tokensIssued.incrementAndGet();
        return issue(tenant, appId, resource, roles);
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** Registers a tenant by id, reachable also under each of {@code domains}. */
    public void tenant(String tenantId, String... domains) {
        tenantAliases.put(tenantId.toLowerCase(Locale.ROOT), tenantId);
        for (String domain : domains) {
            tenantAliases.put(domain.toLowerCase(Locale.ROOT), tenantId);
        }
        apps.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
    }

    /** A tenant that exists, but in another cloud: requests for it get AADSTS900382. */
    public void foreignCloudTenant(String tenantId) {
        foreignTenants.put(tenantId.toLowerCase(Locale.ROOT), tenantId);
    }

    public App app(String tenantId, String clientId) {
        return apps.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(clientId.toLowerCase(Locale.ROOT), App::new);
    }

    public void resource(String resource) {
        resources.add(resource);
    }

    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    public void inject(Fault... injected) {
        faults.addAll(List.of(injected));
    }

    /** Answers the next requests with these hostile answers instead of the simulator's own, one each. */
    public void injectHostile(HostileAnswer... answers) {
        server.injectHostile(answers);
    }

    // ---- observation ----

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<SeenRequest> seen() {
        return List.copyOf(seen);
    }

    public void resetCounts() {
        tokenRequests.set(0);
        tokensIssued.set(0);
        seen.clear();
        server.clearHostile();
    }

    /** Verifies a token this simulator issued and returns its claims. */
    public JWTClaimsSet verifyIssued(String accessToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(accessToken);
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) signingKey.getPublic()))) {
                throw new AssertionError("token not signed by the simulator");
            }
            return jwt.getJWTClaimsSet();
        } catch (Exception e) {
            throw new AssertionError("not a token of the simulator", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- the endpoint ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (parts.length != 5 || !"oauth2".equals(parts[2]) || !"v2.0".equals(parts[3]) || !"token".equals(parts[4])) {
                send(exchange, 404, Map.of(), "{\"error\":\"not_found\"}");
                return;
            }
            tokenRequests.incrementAndGet();
            if (server.answeredHostile(exchange)) {
                return;
            }
            Fault fault = faults.poll();
            if (fault != null) {
                fault.pause();
                if (fault.echo()) {
                    send(exchange, fault.status(), Map.of(), echoJson(exchange));
                    record(path, Map.of(), null, null, fault.status());
                    return;
                }
                if (fault.status() != 0) {
                    Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
                    String body = fault.status() == 429
                            ? errorJson(exchange, "temporarily_unavailable", 50196,
                                    "The server is temporarily unavailable because of too many requests.")
                            : errorJson(exchange, "temporarily_unavailable", 90033,
                                    "A transient error has occurred. Please try again.");
                    send(exchange, fault.status(), headers, body);
                    record(path, Map.of(), null, null, fault.status());
                    return;
                }
            }
            Outcome outcome = tokenEndpoint(exchange, parts[1]);
            send(exchange, outcome.status, Map.of(), outcome.body);
        }
    }

    private record Outcome(int status, String body) {}

    private Outcome tokenEndpoint(HttpExchange exchange, String tenantSegment) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(exchange.getRequestMethod())) {
            return error(exchange, path, Map.of(), null, null, 405, "invalid_request", 900561,
                    "The endpoint only accepts POST requests. Received a " + exchange.getRequestMethod() + " request.");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return error(exchange, path, Map.of(), null, null, 400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'grant_type'.");
        }
        Map<String, String> form = FormEncoding.decode(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> visible = new LinkedHashMap<>(form);
        visible.replaceAll((k, v) -> k.equals("client_secret") || k.equals("client_assertion") ? "****" : v);
        String segment = tenantSegment.toLowerCase(Locale.ROOT);
        if (foreignTenants.containsKey(segment)) {
            return error(exchange, path, visible, null, null, 400, "invalid_request", 900382,
                    "Confidential Client is not supported in Cross Cloud request.");
        }
        String tenant = tenantAliases.get(segment);
        if (tenant == null) {
            return error(exchange, path, visible, null, null, 400, "invalid_request", 90002,
                    "Tenant '" + tenantSegment + "' not found. Check to make sure you have the correct tenant ID"
                            + " and are signing into the correct cloud.");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(exchange, path, visible, null, null, 400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
        }
        String clientId = form.getOrDefault("client_id", "").toLowerCase(Locale.ROOT);
        if (clientId.isEmpty()) {
            return error(exchange, path, visible, null, null, 400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'client_id'.");
        }
        App app = apps.get(tenant).get(clientId);
        if (app == null) {
            return error(exchange, path, visible, null, null, 400, "unauthorized_client", 700016,
                    "Application with identifier '" + clientId + "' was not found in the directory '" + tenant
                            + "'. This can happen if the application has not been installed by the administrator"
                            + " of the tenant or consented to by any user in the tenant.");
        }
        List<String> scopes = new ArrayList<>();
        for (String s : form.getOrDefault("scope", "").split(" ")) {
            if (!s.isBlank() && !OIDC_SCOPES.contains(s)) {
                scopes.add(s);
            }
        }
        if (scopes.size() != 1 || !scopes.get(0).endsWith("/.default")) {
            return error(exchange, path, visible, null, null, 400, "invalid_scope", 1002012,
                    "The provided value for scope " + String.join(" ", scopes) + " is not valid. Client credential"
                            + " flows must have a scope value with /.default suffixed to the resource identifier"
                            + " (application ID URI).");
        }
        String resource = scopes.get(0).substring(0, scopes.get(0).length() - "/.default".length());
        if (!resources.contains(resource)) {
            return error(exchange, path, visible, null, null, 400, "invalid_resource", 500011,
                    "The resource principal named " + resource + " was not found in the tenant named " + tenant
                            + ". This can happen if the application has not been installed by the administrator"
                            + " of the tenant or consented to by any user in the tenant.");
        }
        boolean hasSecret = form.containsKey("client_secret");
        boolean hasAssertion = form.containsKey("client_assertion");
        if (hasSecret == hasAssertion) {
            return error(exchange, path, visible, null, null, 401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        Map<String, Object> header = null;
        Map<String, Object> claims = null;
        if (hasSecret) {
            Instant expires = app.secrets.get(form.get("client_secret"));
            if (expires == null) {
                return error(exchange, path, visible, null, null, 401, "invalid_client", 7000215,
                        "Invalid client secret provided. Ensure the secret being sent in the request is the client"
                                + " secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
            }
            if (Instant.now().isAfter(expires)) {
                return error(exchange, path, visible, null, null, 401, "invalid_client", 7000222,
                        "The provided client secret keys for app '" + clientId + "' are expired.");
            }
        } else {
            if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
                return error(exchange, path, visible, null, null, 400, "invalid_request", 50027,
                        "JWT token is invalid or malformed: client_assertion_type must be " + JWT_BEARER + ".");
            }
            JWT parsed;
            try {
                parsed = JWTParser.parse(form.get("client_assertion"));
                header = parsed.getHeader().toJSONObject();
                claims = parsed.getJWTClaimsSet().toJSONObject();
            } catch (Exception e) {
                return error(exchange, path, visible, null, null, 400, "invalid_request", 50027,
                        "JWT token is invalid or malformed.");
            }
            if (!(parsed instanceof SignedJWT jwt)) { // "alg":"none" (or an encrypted JWT): nothing to verify
                return error(exchange, path, visible, header, claims, 401, "invalid_client", 700027,
                        "Client assertion failed signature validation. [Reason - The provided signature algorithm "
                                + parsed.getHeader().getAlgorithm() + " is not supported.]");
            }
            Outcome refused = checkAssertion(exchange, path, visible, header, claims, jwt, app, tenantSegment);
            if (refused != null) {
                return refused;
            }
        }
        List<String> granted = app.roles.getOrDefault(resource, List.of());
        String accessToken = issueToken(tenant, clientId, resource, granted);
        record(path, visible, header, claims, 200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenLifetime.toSeconds());
        body.put("ext_expires_in", tokenLifetime.toSeconds());
        body.put("access_token", accessToken);
        return new Outcome(200, JSONObjectUtils.toJSONString(body));
    }

    private Outcome checkAssertion(HttpExchange exchange, String path, Map<String, String> visible,
            Map<String, Object> header, Map<String, Object> claims, SignedJWT jwt, App app, String tenantSegment) {
        JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.PS256.equals(alg)) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 700027,
                    "Client assertion failed signature validation. [Reason - The provided signature algorithm " + alg
                            + " is not supported.]");
        }
        X509Certificate registered = null;
        String presented = null;
        Object x5tS256 = header.get("x5t#S256");
        Object x5t = header.get("x5t");
        for (X509Certificate candidate : app.certificates) {
            if (x5tS256 != null && thumbprintMatches(x5tS256.toString(), candidate, "SHA-256")
                    || x5t != null && thumbprintMatches(x5t.toString(), candidate, "SHA-1")) {
                registered = candidate;
            }
        }
        if (x5tS256 == null && x5t == null) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 700027,
                    "Client assertion failed signature validation. [Reason - The key was not found.]");
        }
        presented = String.valueOf(x5tS256 != null ? x5tS256 : x5t);
        if (registered == null) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 700027,
                    "The certificate with identifier used to sign the client assertion is not registered on"
                            + " application. [Reason - The key was not found., Thumbprint of key used by client: '"
                            + presented + "']");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) registered.getPublicKey()))) {
                return error(exchange, path, visible, header, claims, 401, "invalid_client", 700027,
                        "Client assertion failed signature validation.");
            }
        } catch (Exception e) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 700027,
                    "Client assertion failed signature validation.");
        }
        JWTClaimsSet set;
        try {
            set = jwt.getJWTClaimsSet();
        } catch (Exception e) {
            return error(exchange, path, visible, header, claims, 400, "invalid_request", 50027,
                    "JWT token is invalid or malformed.");
        }
        String expectedAudience = authorityHost() + "/" + tenantSegment + "/oauth2/v2.0/token";
        if (set.getAudience() == null || !set.getAudience().contains(expectedAudience)) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 50013,
                    "Assertion failed signature validation. [Reason - The audience claim is not the token endpoint"
                            + " of this tenant.]");
        }
        if (!app.clientId.equalsIgnoreCase(set.getIssuer()) || !app.clientId.equalsIgnoreCase(set.getSubject())) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 700021,
                    "Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        Instant now = Instant.now();
        Date exp = set.getExpirationTime();
        Date nbf = set.getNotBeforeTime();
        if (exp == null || exp.toInstant().isBefore(now.minus(SKEW))
                || (nbf != null && nbf.toInstant().isAfter(now.plus(SKEW)))) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 700024,
                    "Client assertion is not within its valid time range.");
        }
        String jti = set.getJWTID();
        if (jti == null || !usedJti.add(jti)) {
            return error(exchange, path, visible, header, claims, 401, "invalid_client", 50013,
                    "Assertion failed signature validation. [Reason - The token is replayed or has no jti.]");
        }
        return null;
    }

    private static boolean thumbprintMatches(String presented, X509Certificate certificate, String digest) {
        try {
            byte[] expected = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
            byte[] actual;
            try {
                actual = Base64URL.from(presented).decode();
            } catch (Exception e) {
                actual = null;
            }
            if (actual != null && MessageDigest.isEqual(expected, actual)) {
                return true;
            }
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(presented));
        } catch (Exception e) {
            return false;
        }
    }

    private String issue(String tenant, String clientId, String resource, List<String> roles) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .audience(resource)
                    .issuer("https://sts.windows.net/" + tenant + "/")
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(tokenLifetime)))
                    .subject(UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString())
                    .claim("appid", clientId)
                    .claim("tid", tenant)
                    .claim("idtyp", "app")
                    .claim("ver", "1.0")
                    .jwtID(UUID.randomUUID().toString());
            if (!roles.isEmpty()) {
                claims.claim("roles", roles);
            }
            return sign(claims.build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token with exactly these claims, signed as this Entra ID signs its tokens: for tests of how a service
     * that trusts Entra checks a token's lifetime, audience or issuer ({@link #verifyIssued} accepts the
     * signature, whatever the claims).
     */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID("simulator").build(), claims);
            token.sign(new RSASSASigner(signingKey.getPrivate()));
            return token.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Outcome error(HttpExchange exchange, String path, Map<String, String> form, Map<String, Object> header,
            Map<String, Object> claims, int status, String error, int code, String text) {
        record(path, form, header, claims, status);
        return new Outcome(status, errorJson(exchange, error, code, text));
    }

    /** An echo fault's answer: Entra's error shape, the request reflected in the first line of the description. */
    private static String echoJson(HttpExchange exchange) throws IOException {
        return errorJson(exchange, "invalid_request", 900144, "The request could not be processed. Request was: "
                + Fault.echoOf(exchange));
    }

    private static String errorJson(HttpExchange exchange, String error, int code, String text) {
        String trace = UUID.randomUUID().toString();
        String requested = exchange.getRequestHeaders().getFirst("client-request-id");
        String correlation = requested != null ? requested : UUID.randomUUID().toString();
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + text + "\r\nTrace ID: " + trace
                + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(code));
        body.put("timestamp", timestamp);
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return JSONObjectUtils.toJSONString(body);
    }

    private void record(String path, Map<String, String> form, Map<String, Object> header,
            Map<String, Object> claims, int status) {
        seen.add(new SeenRequest(path, form, header, claims, status));
    }


    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        exchange.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
        String requestId = exchange.getRequestHeaders().getFirst("client-request-id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("client-request-id", requestId);
        }
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
