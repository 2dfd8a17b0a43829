package io.jenkins.plugins.exotoken.cli;

import io.jenkins.plugins.exotoken.core.InvalidInputException;
import io.jenkins.plugins.exotoken.core.PasswordText;
import io.jenkins.plugins.exotoken.core.SecretValue;
import io.jenkins.plugins.exotoken.core.cert.CertificateGenerator;
import io.jenkins.plugins.exotoken.core.cert.CertificateInfo;
import io.jenkins.plugins.exotoken.core.cert.GeneratedCertificate;
import io.jenkins.plugins.exotoken.core.input.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code exo-token new-certificate}: a self-signed app certificate as a PFX (with its key) and a {@code .cer}. */
@Command(name = "new-certificate", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Create a self-signed RSA certificate for an app registration: a PFX with the private key,"
                + " protected by the password in --password-env, and the public .cer to upload to the app"
                + " registration's Certificates & secrets.")
final class NewCertificateCommand implements Callable<Integer> {

    @ParentCommand
    ExoTokenCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "CN",
            description = "Subject common name, e.g. the app's name (at most 64 characters).")
    String name;

    @Option(names = "--key-size", paramLabel = "BITS", defaultValue = "" + CertificateGenerator.DEFAULT_KEY_SIZE,
            description = "RSA key size: 2048 or 3072 (default: ${DEFAULT-VALUE}).")
    int keySize;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + CertificateGenerator.DEFAULT_DAYS,
            description = "Validity in days, 1 to 3650 (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PFX to write (owner-only).")
    Path out;

    @Option(names = "--cer", paramLabel = "FILE",
            description = "The public certificate to write, DER (default: --out with the extension .cer).")
    Path cer;

    @Option(names = "--password-env", required = true, paramLabel = "VAR", converter = VariableName.class,
            description = "Environment variable holding the password for the PFX (a final line ending is ignored).")
    String passwordEnv;

    @Option(names = "--force", description = "Replace the PFX and .cer when they exist.")
    boolean force;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SecretValue password = password();
        OutputFile pfxFile = new OutputFile(out, "PFX file", true);
        OutputFile cerFile = new OutputFile(cerPath(), "certificate file", false);
        if (pfxFile.path().toAbsolutePath().normalize().equals(cerFile.path().toAbsolutePath().normalize())) {
            throw new InvalidInputException("--cer names the same file as --out: give the .cer another name.");
        }
        pfxFile.requireAbsentUnless(force);
        cerFile.requireAbsentUnless(force);
        GeneratedCertificate generated = new CertificateGenerator(Clock.systemUTC(), new SecureRandom())
                .generate(name, keySize, days, password);
        pfxFile.write(generated.pkcs12(), force);
        cerFile.write(generated.cer(), force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(json ? json(generated.info(), pfxFile.path(), cerFile.path())
                : text(generated.info(), pfxFile.path(), cerFile.path()));
        stdout.flush();
        return 0;
    }

    /** The password must be given: a generated one would have to be printed, and stdout ends up in logs. */
    private SecretValue password() throws InvalidInputException {
        String value = cli.environment.get(passwordEnv);
        SecretValue password = value == null ? SecretValue.empty()
                : PasswordText.of("environment variable " + passwordEnv, value);
        if (password.isEmpty()) {
            throw new InvalidInputException("Environment variable " + passwordEnv + " (the password for the new PFX)"
                    + " is " + (value == null ? "not set" : "empty") + ": export " + passwordEnv + "='…' with the"
                    + " password to protect the PFX, then run again.");
        }
        return password;
    }

    private Path cerPath() {
        if (cer != null) {
            return cer;
        }
        String file = out.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? file.substring(0, dot) : file) + ".cer");
    }

    private String text(CertificateInfo info, Path pfx, Path certificate) {
        String format = "%-12s %s%n";
        return String.format(format, "Subject", info.subject())
                + String.format(format, "Thumbprint", info.thumbprintSha1() + "  (SHA-1, as the Azure portal shows it)")
                + String.format(format, "SHA-256", info.thumbprintSha256())
                + String.format(format, "Key", info.keyAlgorithm() + " " + info.keySize() + " bits")
                + String.format(format, "Valid from", instant(info.notBefore()))
                + String.format(format, "Valid until", instant(info.notAfter()))
                + String.format(format, "PFX", Printable.escape(pfx.toString()) + "  (private key; password from " + passwordEnv + ")")
                + String.format(format, "Certificate", Printable.escape(certificate.toString()) + "  (public, DER)")
                + "Next: upload " + Printable.escape(certificate.getFileName().toString()) + " to the app registration (Microsoft Entra admin center:"
                + " App registrations > the app > Certificates & secrets > Certificates > Upload certificate), then"
                + " check with: exo-token inspect --certificate " + Printable.escape(pfx.toString()) + " --password-env " + passwordEnv;
    }

    private static String json(CertificateInfo info, Path pfx, Path certificate) {
        return JsonOutput.object(j -> {
            j.writeStringField("subject", info.subject());
            j.writeStringField("thumbprint", info.thumbprintSha1());
            j.writeStringField("thumbprintSha256", info.thumbprintSha256());
            j.writeStringField("serialNumber", info.serialNumber());
            j.writeStringField("notBefore", instant(info.notBefore()));
            j.writeStringField("notAfter", instant(info.notAfter()));
            j.writeStringField("keyAlgorithm", info.keyAlgorithm());
            j.writeIntField("keySize", info.keySize());
            j.writeStringField("pfx", pfx.toString());
            j.writeStringField("cer", certificate.toString());
        });
    }

    private static String instant(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
