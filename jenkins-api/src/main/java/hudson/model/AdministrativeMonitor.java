package hudson.model;

/** Compile-only declaration of {@code hudson.model.AdministrativeMonitor} (jenkinsci/jenkins core). */
public abstract class AdministrativeMonitor implements ModelObject {

    // Upstream's is public (with a constructor that sets it); the plugin reads neither.
    private final String id;

    protected AdministrativeMonitor() {
        this.id = this.getClass().getName();
    }

    /** Upstream's default: the monitor's id. */
    @Override
    public String getDisplayName() {
        return id;
    }

    public abstract boolean isActivated();

    /** Upstream's default: not a security warning. */
    public boolean isSecurity() {
        return false;
    }
}
