package io.jenkins.plugins.exotoken.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A build's console log, generated the same way on every run (fixed seed): PowerShell and curl output with a token,
 * a client secret, a certificate password and near-misses sprinkled in; and the hostile lines.
 */
final class ConsoleLog {

    static final String CLIENT_SECRET = "Kq8~x.Yz_3vB-9wQ~Lm2nP4rS6tU8vW0xY2zA4bC6d";
    static final String PASSWORD = "Export-Pa55!word";
    static final String TOKEN = jwt(new Random(7), 1400);

    private static final String B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private ConsoleLog() {}

    /** About {@code bytes} of log lines, each without its line break. */
    static List<String> realistic(int bytes) {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>();
        int size = 0;
        for (int i = 0; size < bytes; i++) {
            String line = switch (random.nextInt(20)) {
                case 0 -> "> Authorization: Bearer " + (random.nextInt(4) == 0 ? TOKEN : jwt(random, 1300));
                case 1 -> "+ curl -sS -H 'Authorization: Bearer " + TOKEN + "' https://graph.microsoft.com/v1.0/users";
                case 2 -> "client_secret=" + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)
                        + "&grant_type=client_credentials&scope=https%3A%2F%2Foutlook.office365.com%2F.default";
                case 3 -> "PS> $pw = ConvertTo-SecureString '" + PASSWORD + "' -AsPlainText -Force";
                case 4 -> "near miss: eyJhbGciOiJSUzI1NiJ9 " + CLIENT_SECRET.substring(0, 12) + " eyJ.x "
                        + PASSWORD.substring(0, 9) + " " + randomRun(random, 40);
                case 5 -> "< HTTP/1.1 200 OK";
                case 6 -> "< content-type: application/json; odata.metadata=minimal; charset=utf-8";
                case 7 -> "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users\",\"value\":[{\"id\":\""
                        + uuid(random) + "\",\"displayName\":\"User " + i + "\",\"mail\":\"user" + i
                        + "@contoso.onmicrosoft.com\"}]}";
                case 8 -> "VERBOSE: Connecting to Exchange Online: Organization contoso.onmicrosoft.com, app "
                        + uuid(random);
                case 9 -> String.format("%-30s %-20s %s", "Mailbox " + i, "alias" + i, "user" + i + "@contoso.com");
                case 10 -> "WARNING: The names of some imported commands from the module 'tmpEXO_" + random.nextInt(9999)
                        + "' include unapproved verbs that might make them less discoverable.";
                case 11 -> "[" + i + "] Get-EXOMailbox -ResultSize Unlimited -PropertySets Minimum | Export-Csv out.csv";
                default -> "Processing item " + i + " of 50000: " + randomWords(random, 8);
            };
            lines.add(line);
            size += line.length() + 1;
        }
        return lines;
    }

    /** One line of {@code bytes} Base64url characters and dots, with no token in it. */
    static String base64urlAndDots(int bytes) {
        Random random = new Random(3);
        StringBuilder line = new StringBuilder(bytes);
        while (line.length() < bytes) {
            line.append(random.nextInt(12) == 0 ? '.' : B64URL.charAt(random.nextInt(64)));
        }
        return line.toString().replace("eyJ", "eyj");
    }

    /** One line of near-JWTs: a header and a dot, then a payload too short to be one, over and over. */
    static String nearJwts(int bytes) {
        StringBuilder line = new StringBuilder(bytes);
        while (line.length() < bytes) {
            line.append("eyJhbGciOiJSUzI1NiJ9.eyJ ");
        }
        return line.toString();
    }

    /**
     * The credentials-binding way: one alternation of the quoted values and their encoded forms (Base64, URL- and
     * JSON-escaped), longest first, so that a longer form wins over its prefix.
     */
    static Pattern alternation(List<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String value : values) {
            forms.add(value);
            forms.add(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
            forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        return Pattern.compile(forms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
    }

    private static String jwt(Random random, int length) {
        return "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6IiJ9." + "eyJ" + randomRun(random, length)
                + "." + randomRun(random, 342);
    }

    private static String randomRun(Random random, int length) {
        StringBuilder run = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            run.append(B64URL.charAt(random.nextInt(64)));
        }
        return run.toString();
    }

    private static String randomWords(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(i == 0 ? "" : " ").append(randomRun(random, 3 + random.nextInt(6)).replace('-', 'a')
                    .replace('_', 'b'));
        }
        return words.toString();
    }

    private static String uuid(Random random) {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
}
