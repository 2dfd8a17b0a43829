package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

/** Compile-only declaration of {@code hudson.util.ListBoxModel}: a list of options, as upstream. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {

    private static final long serialVersionUID = 1L;

    /** One entry: what the list shows and the value the form sends. */
    public static final class Option {
        @NonNull
        public String name;

        @NonNull
        public String value;

        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            this(name, value, false);
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
            this.name = name;
            this.value = value;
            this.selected = selected;
        }

        @Override
        public String toString() {
            return name + "=" + value + (selected ? "[selected]" : "");
        }
    }

    public ListBoxModel() {}

    public void add(@NonNull String displayName, @NonNull String value) {
        add(new Option(displayName, value));
    }
}
