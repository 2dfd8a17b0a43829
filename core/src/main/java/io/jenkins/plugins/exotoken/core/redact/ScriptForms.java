package io.jenkins.plugins.exotoken.core.redact;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The forms in which a script prints a value it quoted or escaped: shell tracing ({@code set -x}),
 * {@code printf %q}, PowerShell and {@code cmd} echoing a command line, {@code ConvertTo-Json}. Each form is the
 * text between the quotes, so it matches whichever quote characters surround it.
 */
final class ScriptForms {

    /** Characters bash's {@code printf %q} puts a backslash before anywhere in a word. */
    private static final String SHELL_SPECIAL = " \t\n'\"\\|&;()<>!{}*[?]^$`";

    private ScriptForms() {}

    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value.replace("'", "'\\''")); // sh: 'it'\''s', as bash's set -x prints it
        forms.add(value.replace("'", "'\"'\"'")); // sh: 'it'"'"'s'
        forms.add(escape(value, "\\\"$`", '\\')); // sh, in double quotes
        String quoted = escape(value, SHELL_SPECIAL, '\\'); // printf %q
        forms.add(quoted);
        if (value.startsWith("~") || value.startsWith("#")) { // special at the start of a word only
            forms.add('\\' + quoted);
        }
        forms.add(value.replace("'", "''")); // PowerShell (and SQL), in single quotes
        forms.add(escape(value, "`\"$", '`')); // PowerShell, in double quotes
        forms.add(value.replace("\"", "\"\"")); // PowerShell and CSV, in double quotes
        forms.add(escape(value, "^&|<>()", '^')); // cmd
        forms.add(value.replace("%", "%%")); // cmd, in a batch file
        forms.add(json(value, "'<>&", "%04x")); // ConvertTo-Json of Windows PowerShell (JavaScriptSerializer)
        forms.add(json(value, "\"'<>&+`", "%04X")); // .NET's System.Text.Json with its default encoder
        forms.add(value.replace("\\", "\\\\").replace("\"", "\\\"")); // JSON without escaping '/'
        return forms;
    }

    private static String escape(String value, String special, char escape) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (special.indexOf(c) >= 0) {
                out.append(escape);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** JSON, with the {@code unicode} characters written as unicode escapes with hex digits in the given case. */
    private static String json(String value, String unicode, String hex) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (unicode.indexOf(c) >= 0) {
                out.append("\\u").append(String.format(hex, (int) c));
            } else if (c == '\\' || c == '"') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
