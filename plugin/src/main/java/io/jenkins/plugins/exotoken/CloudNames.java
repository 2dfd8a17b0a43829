package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.exotoken.core.identity.Cloud;

/** How the form names core's clouds. */
final class CloudNames {

    private CloudNames() {}

    @NonNull
    static String displayName(@NonNull Cloud cloud) {
        return switch (cloud.name()) {
            case "global" -> Messages.Cloud_global();
            case "usgovhigh" -> Messages.Cloud_usgovhigh();
            case "usgovdod" -> Messages.Cloud_usgovdod();
            case "china" -> Messages.Cloud_china();
            default -> cloud.name();
        };
    }
}
