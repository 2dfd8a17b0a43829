package io.jenkins.plugins.exotoken.cli;

import com.azure.json.JsonWriter;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.cert.CertificateReport;
import io.jenkins.plugins.exotoken.core.cert.Finding;
import io.jenkins.plugins.exotoken.core.http.HttpSettings;
import io.jenkins.plugins.exotoken.core.identity.Cloud;
import io.jenkins.plugins.exotoken.core.secret.AppCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code exo-token inspect}: certificate facts and validation, without any network call. */
@Command(name = "inspect", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Show a certificate's thumbprints, names, validity and key, and whether Entra ID can use it."
                + " Exit status 2 when it has errors (no private key, key mismatch, non-RSA key); warnings keep 0.")
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    ExoTokenCli cli;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false, heading = "%nA certificate file:%n")
        CertificateOptions file;

        @ArgGroup(exclusive = false, heading = "%nOr a certificate in Azure Key Vault (nothing is written to disk):%n")
        KeyVaultOptions keyVault;
    }

    @Mixin
    CloudOptions cloud;

    @Option(names = "--json", description = "Print the facts and findings as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CertificateReport report = source.file != null ? fromFile() : fromKeyVault();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonOutput.object(j -> writeJson(j, report)));
        } else {
            writeText(out, report);
            PrintWriter err = spec.commandLine().getErr();
            for (Finding error : report.errors()) {
                err.println("error: " + error.message());
                if (cli.debug && error.cause() != null) {
                    err.print(cli.redactor.stackTrace(error.cause())); // redacted like every --debug trace
                }
            }
            report.warnings().forEach(f -> err.println("warning: " + f.message()));
            err.flush();
        }
        out.flush();
        return report.usable() ? 0 : ExoTokenCli.EXIT_USAGE;
    }

    private CertificateReport fromFile() throws Exception {
        return source.file.inspect(cli.environment).report();
    }

    private CertificateReport fromKeyVault() throws Exception {
        Cloud vaultCloud = cloud.cloud();
        try (Engine engine = Engine.start(HttpSettings.defaults())) {
            // Resolving validates too: a certificate Entra ID cannot use is reported as an error (exit 2).
            AppCertificate credential = (AppCertificate) engine.vault().resolve(
                    source.keyVault.reference(vaultCloud, true), source.keyVault.access(vaultCloud, cli.environment));
            return credential.report();
        }
    }

    private static void writeText(PrintWriter out, CertificateReport report) {
        CertificateInfo info = report.info();
        row(out, "Subject", info.subject());
        row(out, "Issuer", info.issuer());
        row(out, "Thumbprint", info.thumbprintSha1() + "  (SHA-1, as the Azure portal shows it)");
        row(out, "SHA-256", info.thumbprintSha256());
        row(out, "Serial", info.serialNumber());
        row(out, "Valid from", DateTimeFormatter.ISO_INSTANT.format(info.notBefore()));
        row(out, "Valid until", DateTimeFormatter.ISO_INSTANT.format(info.notAfter()));
        row(out, "Key", info.keyAlgorithm() + " " + info.keySize() + " bits, "
                + (info.hasPrivateKey() ? "private key present" : "no private key"));
        row(out, "Format", info.format().displayName() + ", " + info.chainLength()
                + (info.chainLength() == 1 ? " certificate" : " certificates"));
        row(out, "Status", report.usable()
                ? (report.warnings().isEmpty() ? "usable" : "usable, with warnings")
                : "not usable");
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-12s %s%n", label, value);
    }

    private static void writeJson(JsonWriter j, CertificateReport report) throws IOException {
        CertificateInfo info = report.info();
        j.writeStringField("format", info.format().name());
        j.writeStringField("thumbprint", info.thumbprintSha1());
        j.writeStringField("thumbprintSha256", info.thumbprintSha256());
        j.writeStringField("subject", info.subject());
        j.writeStringField("issuer", info.issuer());
        j.writeStringField("serialNumber", info.serialNumber());
        j.writeStringField("notBefore", DateTimeFormatter.ISO_INSTANT.format(info.notBefore()));
        j.writeStringField("notAfter", DateTimeFormatter.ISO_INSTANT.format(info.notAfter()));
        j.writeStringField("keyAlgorithm", info.keyAlgorithm());
        j.writeIntField("keySize", info.keySize());
        j.writeBooleanField("hasPrivateKey", info.hasPrivateKey());
        j.writeIntField("chainLength", info.chainLength());
        j.writeBooleanField("usable", report.usable());
        findings(j, "errors", report.errors());
        findings(j, "warnings", report.warnings());
    }

    private static void findings(JsonWriter j, String name, List<Finding> findings) throws IOException {
        j.writeStartArray(name);
        for (Finding f : findings) {
            j.writeStartObject();
            j.writeStringField("code", f.code());
            j.writeStringField("message", f.message());
            j.writeEndObject();
        }
        j.writeEndArray();
    }
}
