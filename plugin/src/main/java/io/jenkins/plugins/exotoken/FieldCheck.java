package io.jenkins.plugins.exotoken;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.FormValidation;
import io.jenkins.plugins.exotoken.core.InvalidInputException;

/** Runs one of core's checks for a form field and shows core's message as the field's error. */
@FunctionalInterface
public interface FieldCheck {

    /** The check: core throws, naming the field and what it expects. */
    void run() throws InvalidInputException;

    @NonNull
    static FormValidation of(@NonNull FieldCheck check) {
        try {
            check.run();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
