package io.jenkins.plugins.exotoken.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.identity.AppIdentity;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.identity.ManagedIdentity;
import io.jenkins.plugins.exotoken.core.keyvault.KeyVaultReference;
import io.jenkins.plugins.exotoken.core.token.TokenScope;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every validator refuses a value with a line break or another control character inside, and shows the value
 * escaped: a refused value can neither split the one-line message nor forge an {@code error:} line.
 */
class OneLineInputTest {

    private static final String GUID = "0e4d3b5a-1111-2222-3333-444455556666";
    private static final String FORGED = "\nerror: forged";

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\u001b[2J", "\u0085", "\u2028", "\u202e"})
    void tenantWithAControlCharacterIsRefusedAndShownEscaped(String control) {
        assertRefusedOnOneLine(() -> AppIdentity.of("contoso" + control + ".onmicrosoft.com", GUID, null, Cloud.GLOBAL),
                "Tenant 'contoso" + Printable.escape(control) + ".onmicrosoft.com' contains a line break");
    }

    @Test
    void identityPartsWithALineBreakAreRefusedAndShownEscaped() {
        assertRefusedOnOneLine(() -> AppIdentity.of("contoso.onmicrosoft.com" + FORGED + ".com", GUID, null,
                Cloud.GLOBAL), "Tenant 'contoso.onmicrosoft.com\\nerror: forged.com'");
        assertRefusedOnOneLine(() -> AppIdentity.of(GUID, GUID + FORGED, null, Cloud.GLOBAL),
                "Application (client) id '" + GUID + "\\nerror: forged'");
        assertRefusedOnOneLine(() -> AppIdentity.of(GUID, GUID, "contoso.com" + FORGED, Cloud.GLOBAL),
                "Organization 'contoso.com\\nerror: forged'");
        assertRefusedOnOneLine(() -> ManagedIdentity.userAssigned(GUID + FORGED),
                "Managed identity client id '" + GUID + "\\nerror: forged'");
    }

    @Test
    void customCloudWithALineBreakInAnyPartIsRefusedAndShownEscaped() {
        assertRefusedOnOneLine(() -> custom("https://login.example.com" + FORGED, "vault.example.com", null),
                "authority host", "'https://login.example.com\\nerror: forged'");
        assertRefusedOnOneLine(() -> custom("https://login.example.com", "vault.exam" + FORGED + "ple.com", null),
                "Key Vault DNS suffix", "'vault.exam\\nerror: forged" );
        assertRefusedOnOneLine(() -> Cloud.byName("global" + FORGED), "Cloud 'global\\nerror: forged'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"O365Default\nerror: forged", "O365\rDefault", "O365 Default", "O365Default;rm", "$x"})
    void customCloudEnvironmentNameMustBeAPlainName(String name) {
        assertRefusedOnOneLine(() -> custom("https://login.example.com", "vault.example.com", name),
                "Exchange environment name must be a name of letters and digits");
    }

    @Test
    void customCloudKeepsAPlainEnvironmentName() throws Exception {
        assertThat(custom("https://login.example.com", "vault.example.com", " O365USGovGCCHigh ")
                .exchangeEnvironmentName()).isEqualTo("O365USGovGCCHigh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://login.example.com:99999", "https://login.example.com:0",
        "https://login.example.com:65536"})
    void authorityHostWithAPortOutsideTheRangeIsInvalidInput(String url) {
        assertRefusedOnOneLine(() -> custom(url, "vault.example.com", null), "authority host must be an https URL",
                "a port from 1 to 65535");
    }

    @Test
    void authorityHostWithAValidPortIsKept() throws Exception {
        assertThat(custom("https://127.0.0.1:65535/", "vault.example.com", null).authorityHost())
                .hasToString("https://127.0.0.1:65535");
    }

    @Test
    void scopeAndResourceWithALineBreakAreRefusedAndShownEscaped() {
        assertRefusedOnOneLine(() -> TokenScope.of("https://outlook.office365.com" + FORGED + "/.default"),
                "Scope 'https://outlook.office365.com\\nerror: forged/.default' contains a line break");
        assertRefusedOnOneLine(() -> TokenScope.forResource(Cloud.GLOBAL, "https://contoso.sharepoint.com" + FORGED),
                "Resource 'https://contoso.sharepoint.com\\nerror: forged' contains a line break");
    }

    @Test
    void keyVaultReferenceWithALineBreakIsRefusedAndShownEscaped() {
        assertRefusedOnOneLine(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://contoso.vault.azure.net" + FORGED,
                "exo-app", null, KeyVaultReference.Kind.CERTIFICATE),
                "Key Vault URL 'https://contoso.vault.azure.net\\nerror: forged'");
        assertRefusedOnOneLine(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://contoso.vault.azure.net",
                "exo" + FORGED, null, KeyVaultReference.Kind.CERTIFICATE), "name 'exo\\nerror: forged'");
        assertRefusedOnOneLine(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://contoso.vault.azure.net",
                "exo-app", "0123" + FORGED, KeyVaultReference.Kind.SECRET), "version '0123\\nerror: forged'");
        assertRefusedOnOneLine(() -> KeyVaultReference.of(Cloud.GLOBAL, "https://contoso.vault.azure.net:99999",
                "exo-app", null, KeyVaultReference.Kind.SECRET), "is not a vault URL");
    }

    @Test
    void aLongRefusedValueIsCut() {
        String longTenant = "a".repeat(5000);

        assertThatThrownBy(() -> AppIdentity.of(longTenant, GUID, null, Cloud.GLOBAL))
                .hasMessageContaining("'" + "a".repeat(Printable.MAX_QUOTED) + "…'")
                .hasMessageNotContaining("a".repeat(Printable.MAX_QUOTED + 1));
    }

    private static Cloud custom(String authority, String suffix, String environmentName) throws InvalidInputException {
        return Cloud.custom(authority, "https://outlook.office365.com", "https://graph.microsoft.com", suffix,
                environmentName);
    }

    private static void assertRefusedOnOneLine(ThrowingCallable call, String... fragments) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class)
                .hasMessageContainingAll(fragments)
                .satisfies(e -> assertThat(Printable.hasControlCharacters(e.getMessage()))
                        .as("control characters in: %s", e.getMessage()).isFalse());
    }
}
