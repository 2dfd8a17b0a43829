package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/** Compile-only declaration of {@code hudson.model.Descriptor} (jenkinsci/jenkins core). */
public abstract class Descriptor<T extends Describable<T>> {

    private final Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    /** Upstream infers the described class as the enclosing class, the usual place of a descriptor. */
    @SuppressWarnings("unchecked")
    protected Descriptor() {
        this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
    }

    /** Upstream's default: the described class's simple name. */
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    /** Upstream binds the form with Stapler, which needs a running Jenkins. */
    public T newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }

    /** A form that cannot be saved: its message, shown beside the field it names. */
    public static final class FormException extends Exception {

        private static final long serialVersionUID = 1L;

        // Upstream's getFormField() reads it; the plugin does not.
        private final String formField;

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }
    }
}
