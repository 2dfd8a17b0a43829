package io.jenkins.plugins.exotoken.core.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * A strict stand-in for the Azure Key Vault data plane (secrets "Get Secret" only), on loopback HTTPS with a
 * server certificate from the Entra simulator's test CA for {@code *.vault.azure.net} (or a custom cloud's
 * suffix). Production-shaped vault URLs ({@code https://contoso.vault.azure.net}) reach it through
 * {@link #proxySelector()}, a {@link VaultHostProxy} that maps vault host names to the loopback port (no DNS).
 * It follows these documented behaviours:
 *
 * <ul>
 *   <li><b>Get Secret</b> (Key Vault REST, {@code GET {vault}/secrets/{name}[/{version}]?api-version=…}):
 *       latest version when the version is absent; {@code api-version} 7.4, 7.5, 7.6 or 2025-07-01. Body
 *       {@code value}, {@code id} ({@code https://NAME.vault.azure.net/secrets/{name}/{version}}),
 *       {@code contentType} (absent when none), {@code attributes} ({@code enabled}, {@code nbf}/{@code exp}
 *       when set, {@code created}, {@code updated} in epoch seconds, {@code recoveryLevel}
 *       "Recoverable+Purgeable"), {@code tags} (absent when none, as in the documented sample response).
 *       Secret names are case-insensitive; versions are 32 lowercase hex digits.
 *   <li><b>Certificate-backed secrets</b> ("About Azure Key Vault certificates", "Export certificates"): same
 *       name and version as the certificate, {@code managed: true}, {@code kid}
 *       ({@code …/keys/{name}/{version}}), {@code nbf}/{@code exp} = the certificate's validity. Value with
 *       {@code application/x-pkcs12}: standard Base64 of a PFX with an <em>empty</em> password; with
 *       {@code application/x-pem-file}: PEM with the PKCS#8 private key first, then the certificate chain
 *       (leaf first). A non-exportable key leaves only the certificate(s) in the value. <em>Assumed:</em> the
 *       PFX uses the classic Windows export algorithms (key 3DES, certificates RC2-40, SHA-1 MAC); Key Vault
 *       does not document its PBE choice.
 *   <li><b>Authentication</b> ("Azure Key Vault REST API error codes", "Key Vault authentication"): no bearer
 *       token → 401 {@code Unauthorized} "AKV10000: Request is missing a Bearer or PoP token." with
 *       {@code WWW-Authenticate: Bearer authorization="https://login.microsoftonline.com/{tenant}",
 *       resource="https://vault.azure.net"} — the challenge is on every 401; wrong audience → 401 "AKV10022:
 *       Invalid audience. Expected https://vault.azure.net, found: …" (the audience with a trailing slash is
 *       accepted, as Key Vault accepts it); token from another tenant → 401 "AKV10032: Invalid issuer. Expected
 *       one of https://sts.windows.net/{vault tenant}/, found …". Tokens are verified with
 *       {@link EntraSimulator#verifyIssued}. A token not signed by the simulator → "AKV10046: Unable to resolve
 *       the key used for signature validation." (wording as users report it); an expired one ({@code exp} more
 *       than 5 minutes past, or none) → "[TokenExpired] Error validating token: 'S2S12086'." (as reported in
 *       Azure/azure-sdk-for-python#27266); one not yet valid ({@code nbf} more than 5 minutes ahead) → "Token
 *       not yet valid" (Managed HSM's wording, Azure/azure-sdk-for-java#26624). <em>Guessed order:</em>
 *       authentication is checked before {@code api-version}.
 *   <li><b>Authorization</b>: access policy model by default — no {@code secrets/get} →
 *       403 {@code Forbidden} "The user, group or application 'appid=…;oid=…;iss=…' does not have secrets get
 *       permission on key vault '{vault};location=westeurope'. For help resolving this issue, please see
 *       https://go.microsoft.com/fwlink/?linkid=2125287", innererror {@code AccessDenied}. With
 *       {@link #rbac(String, boolean)}: "Caller is not authorized to perform action on resource. … Action:
 *       'Microsoft.KeyVault/vaults/secrets/getSecret/action' …", innererror {@code ForbiddenByRbac} (grants on
 *       single secrets model role assignments scoped to a secret). The principal is the token's {@code appid}.
 *       Permissions are checked before existence, so a denied caller cannot probe names.
 *   <li><b>Errors</b>: unknown name or version → 404 {@code SecretNotFound} "A secret with (name/id) … was not
 *       found in this key vault. If you recently deleted this secret you may be able to recover it using the
 *       correct recovery command. For help resolving this issue, please see
 *       https://go.microsoft.com/fwlink/?linkid=2125182"; disabled version → 403 {@code Forbidden} "Operation
 *       get is not allowed on a disabled secret.", innererror {@code SecretDisabled}; unknown api-version →
 *       400 {@code BadParameter} "The specified version (X) is not recognized. Consider using the latest
 *       supported version (2025-07-01)." (real wording); missing api-version → 400 {@code BadParameter}
 *       (wording guessed). Other methods → 405, other paths → 404 {@code NotFound} (guessed).
 *   <li><b>Expired or not-yet-valid secrets</b> ("About Azure Key Vault secrets": a secret's get operation works
 *       for not-yet-valid and expired secrets, outside the nbf/exp window; confirmed by Azure/AzureKeyVault
 *       issue 19): answered 200 with {@code attributes.exp}/{@code nbf} set — the client must check them.
 *   <li><b>Unknown vault names</b>: the proxy answers the CONNECT with 502, as a proxy whose DNS lookup failed
 *       does, so the client sees "vault unreachable"; no HTTP answer from any vault.
 *   <li><b>Throttling and outages</b> ("Azure Key Vault throttling guidance"): injected faults answer 429
 *       {@code Throttled} with {@code Retry-After}, or 5xx, or delay the answer; every request is counted.
 * </ul>
 */
public final class KeyVaultSimulator implements AutoCloseable {

    public static final String DEFAULT_SUFFIX = "vault.azure.net";
    public static final String DEFAULT_RESOURCE = "https://vault.azure.net";
    public static final Set<String> API_VERSIONS = Set.of("7.4", "7.5", "7.6", "2025-07-01");
    public static final String LATEST_API_VERSION = "2025-07-01";

    /** How a certificate-backed secret's value is encoded. */
    public enum Format {
        /** {@code application/x-pkcs12}: Base64 of a PFX with an empty password. */
        PFX("application/x-pkcs12"),
        /** {@code application/x-pem-file}: PEM with key and chain. */
        PEM("application/x-pem-file");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }


    /**
     * A request as the simulator saw it: the vault host, the path, the api-version, whether a bearer token
     * came, the token's {@code appid} when it was valid, and the status answered. Never the token itself.
     */
    public record SeenRequest(String host, String method, String path, String apiVersion, boolean bearer,
            String appId, int status) {}

    private static final class Vault {
        final String name;
        final String host;
        final String tenantId;
        volatile boolean rbac;
        volatile String challengeAuthorization;
        volatile String challengeResource;
        final Map<String, Set<String>> grants = new ConcurrentHashMap<>();
        final Map<String, Secret> secrets = new ConcurrentHashMap<>();

        Vault(String name, String host, String tenantId) {
            this.name = name;
            this.host = host;
            this.tenantId = tenantId;
        }
    }

    private static final class Secret {
        final String name;
        final List<Version> versions = new CopyOnWriteArrayList<>();

        Secret(String name) {
            this.name = name;
        }

        Version latest() {
            return versions.isEmpty() ? null : versions.get(versions.size() - 1);
        }

        Version version(String id) {
            for (Version v : versions) {
                if (v.id.equalsIgnoreCase(id)) {
                    return v;
                }
            }
            return null;
        }
    }

    private static final class Version {
        final String id;
        final String value;
        final String contentType;
        final Instant notBefore;
        final Instant expires;
        final long created;
        volatile long updated;
        volatile boolean enabled = true;
        final Map<String, String> tags;
        final boolean managed;

        Version(String id, String value, String contentType, Instant notBefore, Instant expires,
                Map<String, String> tags, boolean managed) {
            this.id = id;
            this.value = value;
            this.contentType = contentType;
            this.notBefore = notBefore;
            this.expires = expires;
            this.created = Instant.now().getEpochSecond();
            this.updated = created;
            this.tags = tags == null ? Map.of() : Map.copyOf(tags);
            this.managed = managed;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final EntraSimulator entra;
    private final String dnsSuffix;
    private final String resource;
    private final SSLContext clientSsl;
    private final LoopbackServer server;
    private final VaultHostProxy proxy;
    private final Map<String, Vault> vaults = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<SeenRequest> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> secretRequests = new ConcurrentHashMap<>();
    private volatile String authorityHost = "https://login.microsoftonline.com";

    private KeyVaultSimulator(EntraSimulator entra, String dnsSuffix, String resource) throws Exception {
        this.entra = entra;
        this.dnsSuffix = dnsSuffix.toLowerCase(Locale.ROOT);
        this.resource = resource;
        TestPki.Issued ca = entra.ca();
        KeyPair keys = TestPki.rsa(2048);
        X509Certificate serverCert = serverCertificate(ca, keys, this.dnsSuffix);
        clientSsl = EntraSimulator.trusting(ca.certificate());
        server = LoopbackServer.https(keys.getPrivate(), new X509Certificate[] {serverCert, ca.certificate()}, 16,
                this::handle);
        proxy = new VaultHostProxy(this.dnsSuffix, vaults::containsKey, server.port());
    }

    /** A simulator for the global cloud: {@code *.vault.azure.net}, resource {@code https://vault.azure.net}. */
    public static KeyVaultSimulator start(EntraSimulator entra) {
        return start(entra, DEFAULT_SUFFIX, DEFAULT_RESOURCE);
    }

    /**
     * A simulator for another cloud, e.g. {@code vault.usgovcloudapi.net} / {@code https://vault.usgovcloudapi.net}
     * or a custom cloud's own suffix (register a custom resource on the Entra simulator too).
     */
    public static KeyVaultSimulator start(EntraSimulator entra, String dnsSuffix, String resource) {
        try {
            return new KeyVaultSimulator(entra, dnsSuffix, resource);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Key Vault simulator", e);
        }
    }

    private static X509Certificate serverCertificate(TestPki.Issued ca, KeyPair keys, String suffix) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                new BigInteger(64, RANDOM).add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), new X500Principal("CN=*." + suffix), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "*." + suffix),
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1")
        }));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
    }

    // ---- client side ----

    /** {@code https://NAME.vault.azure.net} (no trailing slash), as the portal shows the Vault URI. */
    public String vaultUrl(String vaultName) {
        return "https://" + vaultName.toLowerCase(Locale.ROOT) + "." + dnsSuffix;
    }

    /** {@code https://NAME.vault.azure.net/secrets/NAME/VERSION}. */
    public String secretId(String vaultName, String secretName, String version) {
        return vaultUrl(vaultName) + "/secrets/" + secretName + "/" + version;
    }

    public String dnsSuffix() {
        return dnsSuffix;
    }

    /** The vault resource whose tokens are accepted, e.g. {@code https://vault.azure.net}. */
    public String resource() {
        return resource;
    }

    /**
     * Routes {@code https} URIs through the vault host proxy (vault hosts mapped to this simulator, {@code
     * 127.0.0.1} tunnelled unchanged, anything else refused); {@code http} URIs go direct, as managed identity
     * endpoints are never proxied.
     */
    public ProxySelector proxySelector() {
        Proxy httpProxy = new Proxy(Proxy.Type.HTTP, proxy.address());
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return "https".equalsIgnoreCase(uri.getScheme()) ? List.of(httpProxy) : List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        };
    }

    public VaultHostProxy proxy() {
        return proxy;
    }

    /** Trusts the Entra simulator's test CA (which issued this simulator's certificate too). */
    public SSLContext clientSslContext() {
        return clientSsl;
    }

    /** Default client settings that reach this simulator: its test CA trusted, vault hosts through its proxy. */
    public HttpSettings clientSettings() {
        return HttpSettings.defaults().withSslContext(clientSsl).withProxy(proxySelector(), null);
    }

    /** The loopback port, for tests that bypass the proxy (vault hosts are then unknown). */
    public int port() {
        return server.port();
    }

    // ---- set-up ----

    /** Creates a vault with a fresh name in a tenant, readable by {@code readerAppId}; returns its name. */
    public String createVaultFor(String tenantId, String readerAppId) {
        String vaultName = "kv" + UUID.randomUUID().toString().substring(0, 8);
        createVault(vaultName, tenantId);
        grant(vaultName, readerAppId, "*");
        return vaultName;
    }

    /** Creates a vault in a tenant (its 401 challenge names that tenant; tokens of other tenants are refused). */
    public void createVault(String vaultName, String tenantId) {
        String host = vaultName.toLowerCase(Locale.ROOT) + "." + dnsSuffix;
        vaults.put(host, new Vault(vaultName.toLowerCase(Locale.ROOT), host, tenantId));
    }

    /** The authority host named in the 401 challenge; {@code https://login.microsoftonline.com} by default. */
    public void challengeAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    /** Overrides one vault's 401 challenge (e.g. a resource that does not match the vault, which clients must refuse). */
    public void challenge(String vaultName, String authorization, String resource) {
        Vault vault = vault(vaultName);
        vault.challengeAuthorization = authorization;
        vault.challengeResource = resource;
    }

    /** Switches a vault between the access policy model (false, the default) and Azure RBAC (true). */
    public void rbac(String vaultName, boolean rbac) {
        vault(vaultName).rbac = rbac;
    }

    /**
     * Lets a principal (the token's {@code appid}) get the named secrets, or all with {@code "*"}: an access
     * policy with {@code secrets/get}, or the Key Vault Secrets User role (on the vault or on single secrets).
     */
    public void grant(String vaultName, String principalAppId, String... secretNames) {
        Set<String> names = vault(vaultName).grants.computeIfAbsent(principalAppId.toLowerCase(Locale.ROOT),
                k -> ConcurrentHashMap.newKeySet());
        for (String name : secretNames) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
    }

    public void revoke(String vaultName, String principalAppId) {
        vault(vaultName).grants.remove(principalAppId.toLowerCase(Locale.ROOT));
    }

    /** Adds a new version of a secret; returns its version id (32 hex digits). */
    public String putSecret(String vaultName, String name, String value, String contentType) {
        return putSecret(vaultName, name, value, contentType, null, null, Map.of());
    }

    public String putSecret(String vaultName, String name, String value, String contentType, Instant notBefore,
            Instant expires, Map<String, String> tags) {
        return add(vaultName, name, new Version(newVersion(), value, contentType, notBefore, expires, tags, false));
    }

    /** Adds a new version of a certificate, readable through the secrets endpoint with its private key. */
    public String putCertificate(String vaultName, String name, TestPki.Issued certificate, Format format) {
        return putCertificate(vaultName, name, certificate, format, true);
    }

    /** A certificate whose key is not exportable: the secret's value carries only the certificate(s). */
    public String putCertificateWithoutKey(String vaultName, String name, TestPki.Issued certificate, Format format) {
        return putCertificate(vaultName, name, certificate, format, false);
    }

    private String putCertificate(String vaultName, String name, TestPki.Issued certificate, Format format,
            boolean exportable) {
        String value;
        if (format == Format.PFX) {
            value = Base64.getEncoder().encodeToString(exportable
                    ? TestPki.pfxLegacy(certificate, "", TestPki.LegacyPbe.RC2_40_AND_3DES)
                    : pfxCertificatesOnly(certificate.chain()));
        } else {
            value = (exportable ? TestPki.pemPkcs8(certificate.privateKey()) : "")
                    + TestPki.pemCertificates(certificate.chain());
        }
        X509Certificate leaf = certificate.certificate();
        return add(vaultName, name, new Version(newVersion(), value, format.contentType,
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(), Map.of(), true));
    }

    private static byte[] pfxCertificatesOnly(List<X509Certificate> chain) {
        try {
            char[] password = new char[0];
            List<PKCS12SafeBag> bags = new ArrayList<>();
            for (X509Certificate c : chain) {
                bags.add(new JcaPKCS12SafeBagBuilder(c).addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName,
                        new DERBMPString("cert")).build());
            }
            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(new BcPKCS12PBEOutputEncryptorBuilder(
                    PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC, CBCBlockCipher.newInstance(new RC2Engine()))
                    .build(password), bags.toArray(new PKCS12SafeBag[0]));
            return builder.build(new BcPKCS12MacCalculatorBuilder(), password).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String add(String vaultName, String name, Version version) {
        Vault vault = vault(vaultName);
        vault.secrets.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new Secret(name)).versions.add(version);
        return version.id;
    }

    /** Disables one version ({@code null}: the latest). */
    public void disable(String vaultName, String name, String version) {
        setEnabled(vaultName, name, version, false);
    }

    public void enable(String vaultName, String name, String version) {
        setEnabled(vaultName, name, version, true);
    }

    private void setEnabled(String vaultName, String name, String version, boolean enabled) {
        Secret secret = vault(vaultName).secrets.get(name.toLowerCase(Locale.ROOT));
        Version v = secret == null ? null : version == null ? secret.latest() : secret.version(version);
        if (v == null) {
            throw new IllegalArgumentException("no such secret version: " + name + "/" + version);
        }
        v.enabled = enabled;
        v.updated = Instant.now().getEpochSecond();
    }

    /** Deletes a secret with all its versions (soft delete: gets answer 404 afterwards). */
    public void delete(String vaultName, String name) {
        vault(vaultName).secrets.remove(name.toLowerCase(Locale.ROOT));
    }

    public String latestVersion(String vaultName, String name) {
        Secret secret = vault(vaultName).secrets.get(name.toLowerCase(Locale.ROOT));
        return secret == null || secret.latest() == null ? null : secret.latest().id;
    }

    public void inject(Fault... injected) {
        faults.addAll(List.of(injected));
    }

    /** Answers the next requests with these hostile answers instead of the simulator's own, one each. */
    public void injectHostile(HostileAnswer... answers) {
        server.injectHostile(answers);
    }

    private Vault vault(String vaultName) {
        Vault vault = vaults.get(vaultName.toLowerCase(Locale.ROOT) + "." + dnsSuffix);
        if (vault == null) {
            throw new IllegalStateException("no vault " + vaultName + "; call createVault first");
        }
        return vault;
    }

    private static String newVersion() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    // ---- observation ----

    /** Requests received by any vault (each HTTP request, whatever its outcome). */
    public int requests() {
        return requests.get();
    }

    /** Requests naming one secret (any version, any outcome). */
    public int requests(String vaultName, String secretName) {
        AtomicInteger n = secretRequests.get(key(vaultName.toLowerCase(Locale.ROOT) + "." + dnsSuffix, secretName));
        return n == null ? 0 : n.get();
    }

    public List<SeenRequest> seen() {
        return List.copyOf(seen);
    }

    public void resetCounts() {
        requests.set(0);
        secretRequests.clear();
        seen.clear();
        proxy.clearTunnels();
        server.clearHostile();
    }

    private static String key(String host, String secretName) {
        return host + "/" + secretName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } catch (IOException e) {
            // closing anyway
        }
        server.close();
    }

    // ---- the endpoint ----

    private record Answer(int status, Map<String, String> headers, String body) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String hostHeader = exchange.getRequestHeaders().getFirst("Host");
            String host = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath().replaceFirst("^/+", "/");
            Map<String, String> query = FormEncoding.decode(exchange.getRequestURI().getRawQuery());
            String apiVersion = query.get("api-version");
            String[] parts = path.split("/", -1);
            boolean secretPath = parts.length >= 3 && parts.length <= 4 && "secrets".equals(parts[1])
                    && !parts[2].isEmpty();
            String secretName = secretPath ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : null;
            String version = secretPath && parts.length == 4 && !parts[3].isEmpty() ? parts[3] : null;
            if (secretName != null) {
                secretRequests.computeIfAbsent(key(host, secretName), k -> new AtomicInteger()).incrementAndGet();
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            String[] appId = new String[1];

            if (server.answeredHostile(exchange)) {
                return;
            }
            Answer answer;
            Fault fault = faults.poll();
            if (fault != null) {
                fault.pause();
            }
            if (fault != null && fault.echo()) {
                answer = echoAnswer(exchange, fault.status());
            } else if (fault != null && fault.status() != 0) {
                answer = faultAnswer(fault);
            } else {
                answer = answer(exchange, host, path, apiVersion, secretName, version, authorization, bearer, appId);
            }
            seen.add(new SeenRequest(host, exchange.getRequestMethod(), path, apiVersion, bearer, appId[0],
                    answer.status()));
            send(exchange, answer);
        }
    }

    private Answer answer(HttpExchange exchange, String host, String path, String apiVersion, String secretName,
            String version, String authorization, boolean bearer, String[] appIdOut) {
        Vault vault = vaults.get(host);
        if (vault == null) {
            return error(400, Map.of(), "BadParameter", "The request host '" + host + "' is not a vault of this"
                    + " simulator; reach vaults by their host name through the simulator's proxy.", null);
        }
        // authentication
        if (!bearer || authorization.substring(7).isBlank()) {
            return unauthorized(vault, "AKV10000: Request is missing a Bearer or PoP token.");
        }
        JWTClaimsSet claims;
        try {
            claims = entra.verifyIssued(authorization.substring(7).trim());
        } catch (AssertionError e) {
            return unauthorized(vault, "AKV10046: Unable to resolve the key used for signature validation.");
        }
        Instant now = Instant.now();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(now.minus(SKEW))) {
            return unauthorized(vault, "[TokenExpired] Error validating token: 'S2S12086'.");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW))) {
            return unauthorized(vault, "Token not yet valid");
        }
        List<String> audiences = claims.getAudience() == null ? List.of() : claims.getAudience();
        if (!audiences.contains(resource) && !audiences.contains(resource + "/")) {
            return unauthorized(vault, "AKV10022: Invalid audience. Expected " + resource + ", found: "
                    + String.join(", ", audiences) + ".");
        }
        String expectedIssuer = "https://sts.windows.net/" + vault.tenantId + "/";
        if (!expectedIssuer.equals(claims.getIssuer())) {
            return unauthorized(vault, "AKV10032: Invalid issuer. Expected one of " + expectedIssuer + ", found "
                    + claims.getIssuer() + ".");
        }
        String appId = stringClaim(claims, "appid");
        String oid = stringClaim(claims, "oid") != null ? stringClaim(claims, "oid") : claims.getSubject();
        appIdOut[0] = appId;
        // the request itself
        if (!"GET".equals(exchange.getRequestMethod())) {
            return error(405, Map.of("Allow", "GET"), "MethodNotAllowed", "The requested resource does not support"
                    + " http method '" + exchange.getRequestMethod() + "'.", null);
        }
        if (apiVersion == null || apiVersion.isBlank()) {
            return error(400, Map.of(), "BadParameter", "The api-version query parameter is missing. Consider using"
                    + " the latest supported version (" + LATEST_API_VERSION + ").", null);
        }
        if (!API_VERSIONS.contains(apiVersion)) {
            return error(400, Map.of(), "BadParameter", "The specified version (" + apiVersion + ") is not"
                    + " recognized. Consider using the latest supported version (" + LATEST_API_VERSION + ").", null);
        }
        if (secretName == null) {
            return error(404, Map.of(), "NotFound", "The requested path '" + path + "' was not found.", null);
        }
        // authorization
        Set<String> granted = appId == null ? null : vault.grants.get(appId.toLowerCase(Locale.ROOT));
        if (granted == null || !(granted.contains("*") || granted.contains(secretName.toLowerCase(Locale.ROOT)))) {
            String caller = "appid=" + appId + ";oid=" + oid + ";iss=" + claims.getIssuer();
            if (vault.rbac) {
                return error(403, Map.of(), "Forbidden", "Caller is not authorized to perform action on resource.\r\n"
                        + "If role assignments, deny assignments or role definitions were changed recently, please"
                        + " observe propagation time.\r\nCaller: " + caller + "\r\nAction: 'Microsoft.KeyVault/vaults/"
                        + "secrets/getSecret/action'\r\nResource: '/subscriptions/00000000-0000-0000-0000-000000000000/"
                        + "resourcegroups/exo-token-tests/providers/microsoft.keyvault/vaults/" + vault.name
                        + "/secrets/" + secretName.toLowerCase(Locale.ROOT) + "'\r\nAssignment: (not found)\r\n"
                        + "DenyAssignmentId: null\r\nDecisionReason: null \r\nVault: " + vault.name
                        + ";location=westeurope\r\n", "ForbiddenByRbac");
            }
            return error(403, Map.of(), "Forbidden", "The user, group or application '" + caller + "' does not have"
                    + " secrets get permission on key vault '" + vault.name + ";location=westeurope'. For help"
                    + " resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287",
                    "AccessDenied");
        }
        // the secret
        Secret secret = vault.secrets.get(secretName.toLowerCase(Locale.ROOT));
        Version found = secret == null ? null : version == null ? secret.latest() : secret.version(version);
        if (found == null) {
            return error(404, Map.of(), "SecretNotFound", "A secret with (name/id) " + secretName
                    + (version == null ? "" : "/" + version) + " was not found in this key vault. If you recently"
                    + " deleted this secret you may be able to recover it using the correct recovery command. For"
                    + " help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182", null);
        }
        if (!found.enabled) {
            return error(403, Map.of(), "Forbidden", "Operation get is not allowed on a disabled secret.",
                    "SecretDisabled");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", found.value);
        if (found.contentType != null) {
            body.put("contentType", found.contentType);
        }
        String id = "https://" + vault.host + "/secrets/" + secret.name + "/" + found.id;
        body.put("id", id);
        if (found.managed) {
            body.put("managed", true);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("enabled", found.enabled);
        if (found.notBefore != null) {
            attributes.put("nbf", found.notBefore.getEpochSecond());
        }
        if (found.expires != null) {
            attributes.put("exp", found.expires.getEpochSecond());
        }
        attributes.put("created", found.created);
        attributes.put("updated", found.updated);
        attributes.put("recoveryLevel", "Recoverable+Purgeable");
        attributes.put("recoverableDays", 90);
        body.put("attributes", attributes);
        if (!found.tags.isEmpty()) {
            body.put("tags", new LinkedHashMap<>(found.tags));
        }
        if (found.managed) {
            body.put("kid", "https://" + vault.host + "/keys/" + secret.name + "/" + found.id);
        }
        return new Answer(200, Map.of(), JSONObjectUtils.toJSONString(body));
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : value.toString();
    }

    private Answer unauthorized(Vault vault, String message) {
        String authorization = vault.challengeAuthorization != null ? vault.challengeAuthorization
                : authorityHost + "/" + vault.tenantId;
        String challengeResource = vault.challengeResource != null ? vault.challengeResource : resource;
        return error(401, Map.of("WWW-Authenticate", "Bearer authorization=\"" + authorization + "\", resource=\""
                + challengeResource + "\""), "Unauthorized", message, null);
    }

    /** An echo fault's answer: Key Vault's error shape, the request (with its bearer token) in the message. */
    private static Answer echoAnswer(HttpExchange exchange, int status) throws IOException {
        return error(status, Map.of(), status == 401 ? "Unauthorized" : "BadParameter",
                "The request could not be processed. Request was: " + Fault.echoOf(exchange), null);
    }

    private static Answer faultAnswer(Fault fault) {
        Map<String, String> headers = fault.retryAfter() == null ? Map.of() : Map.of("Retry-After", fault.retryAfter());
        return switch (fault.status()) {
            case 429 -> error(429, headers, "Throttled", "Request was not processed because too many requests were"
                    + " received. Reason: A generic throttling error has occurred. Retry after the time given in"
                    + " the Retry-After header.", null);
            case 500 -> error(500, headers, "InternalServerError", "An unexpected error occurred.", null);
            case 503 -> error(503, headers, "ServiceUnavailable", "The service is temporarily unavailable. Please"
                    + " try again later.", null);
            default -> error(fault.status(), headers, "ServiceError", "The service returned status "
                    + fault.status() + ".", null);
        };
    }

    private static Answer error(int status, Map<String, String> headers, String code, String message, String inner) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (inner != null) {
            error.put("innererror", Map.of("code", inner));
        }
        return new Answer(status, headers, JSONObjectUtils.toJSONString(Map.of("error", error)));
    }


    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        exchange.getResponseHeaders().set("Expires", "-1");
        exchange.getResponseHeaders().set("x-ms-request-id", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("x-ms-keyvault-service-version", "1.9.2450.1");
        exchange.getResponseHeaders().set("x-ms-keyvault-region", "westeurope");
        exchange.getResponseHeaders().set("x-ms-keyvault-network-info", "conn_type=Ipv4;addr=127.0.0.1;act_addr_fam=InterNetwork;");
        exchange.getResponseHeaders().set("Strict-Transport-Security", "max-age=31536000;includeSubDomains");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
