package hudson.model;

import java.util.function.Predicate;

/** Compile-only declaration of {@code hudson.model.ItemGroup} (jenkinsci/jenkins core). */
public interface ItemGroup<T extends Item> extends ModelObject {

    /** Items are held by a running Jenkins. */
    default <T extends Item> Iterable<T> allItems(Class<T> type, Predicate<T> pred) {
        throw new IllegalStateException("compile-only Jenkins API: no Jenkins is running");
    }
}
