package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Arrays;
import java.util.List;

/** Compile-only declaration of {@code CredentialsMatchers}; the matchers match as upstream's do. */
public class CredentialsMatchers {

    private CredentialsMatchers() {}

    @NonNull
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        Class<?> type = clazz;
        return item -> type.isInstance(item);
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        List<CredentialsMatcher> all = Arrays.asList(matchers);
        return item -> all.stream().anyMatch(matcher -> matcher.matches(item));
    }
}
