package io.jenkins.plugins.exotoken.core.keyvault;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.input.BaseUrl;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where an app's certificate or client secret lives in Azure Key Vault.
 *
 * @param vaultUrl the vault, e.g. {@code https://contoso.vault.azure.net}; its host ends with the cloud's vault suffix
 * @param name the certificate or secret name
 * @param version a version id, or {@code null} for the latest enabled version
 * @param kind a certificate (read through the secrets endpoint, with its private key) or a plain secret
 * @param cloud the cloud the vault belongs to: its vault suffix and the resource of vault tokens
 */
public record KeyVaultReference(URI vaultUrl, String name, @Nullable String version, Kind kind, Cloud cloud) {

    /** What the reference points at. */
    public enum Kind {
        /** A Key Vault certificate: its backing secret holds the PFX or PEM with the private key. */
        CERTIFICATE,
        /** A Key Vault secret holding the app's client secret. */
        SECRET
    }

    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-]{1,127}");
    private static final Pattern VERSION = Pattern.compile("[0-9a-fA-F]{32}");

    public KeyVaultReference {
        Objects.requireNonNull(vaultUrl, "vaultUrl");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cloud, "cloud");
    }

    /**
     * Validates a reference for a cloud: bearer tokens go only to hosts under the cloud's vault DNS suffix.
     *
     * @throws InvalidInputException naming what is wrong and the expected form
     */
    public static KeyVaultReference of(Cloud cloud, @Nullable String vaultUrl, @Nullable String name,
            @Nullable String version, Kind kind)
            throws InvalidInputException {
        URI url = vaultUrl(cloud, vaultUrl);
        String n = name == null ? "" : name.trim();
        if (!NAME.matcher(n).matches()) {
            throw new InvalidInputException("Key Vault " + kind.name().toLowerCase(Locale.ROOT) + " name "
                    + Printable.quote(n) + " is not valid: 1 to 127 letters, digits and dashes.");
        }
        String v = version == null || version.isBlank() ? null : version.trim().toLowerCase(Locale.ROOT);
        if (v != null && !VERSION.matcher(v).matches()) {
            throw new InvalidInputException("Key Vault version " + Printable.quote(version.trim()) + " is not valid:"
                    + " a version id is 32 hexadecimal digits; leave it empty for the latest version.");
        }
        return new KeyVaultReference(url, n, v, kind, cloud);
    }

    private static URI vaultUrl(Cloud cloud, @Nullable String value) throws InvalidInputException {
        String suffix = "." + cloud.keyVaultSuffix();
        String shown = Printable.quote(value == null ? "" : value.trim());
        URI url = BaseUrl.parseHttps(value).orElseThrow(() -> new InvalidInputException("Key Vault URL " + shown
                + " is not a vault URL such as https://contoso" + suffix + " (https, no path)."));
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (!host.endsWith(suffix) || host.length() == suffix.length()) {
            throw new InvalidInputException("Key Vault URL " + shown + " is not in the " + cloud.name()
                    + " cloud, whose vaults end in " + suffix + ": check the vault URL and the cloud.");
        }
        return URI.create("https://" + host + (url.getPort() == -1 ? "" : ":" + url.getPort()));
    }

    /** The resource vault tokens are issued for, e.g. {@code https://vault.azure.net}. */
    public String vaultResource() {
        return "https://" + cloud.keyVaultSuffix();
    }

    /** The secrets endpoint for this reference, {@code /secrets/NAME[/VERSION]?api-version=…}. */
    URI secretUri(String apiVersion) {
        return URI.create(vaultUrl + "/secrets/" + name + (version == null ? "" : "/" + version)
                + "?api-version=" + apiVersion);
    }

    /** For messages: {@code Key Vault certificate 'exo-app' (latest version) in https://contoso.vault.azure.net}. */
    public String describe() {
        return "Key Vault " + kind.name().toLowerCase(Locale.ROOT) + " '" + name + "' ("
                + (version == null ? "latest version" : "version " + version) + ") in " + vaultUrl;
    }
}
