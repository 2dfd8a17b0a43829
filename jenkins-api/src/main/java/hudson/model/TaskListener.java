package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;

/** Compile-only declaration of {@code hudson.model.TaskListener} (jenkinsci/jenkins core): where a task logs. */
public interface TaskListener {

    @NonNull
    PrintStream getLogger();
}
