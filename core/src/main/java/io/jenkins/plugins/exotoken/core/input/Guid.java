package io.jenkins.plugins.exotoken.core.input;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The form of Entra ID's ids (tenant, application, managed identity): a GUID such as
 * {@code 0e4d3b5a-1111-2222-3333-444455556666}.
 */
public final class Guid {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guid() {}

    /** Whether the whole text is a GUID, in either case, without braces or surrounding space. */
    public static boolean matches(@Nullable String text) {
        return text != null && GUID.matcher(text).matches();
    }
}
