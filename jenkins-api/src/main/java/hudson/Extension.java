package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import net.java.sezpoz.Indexable;

/**
 * Compile-only declaration of {@code hudson.Extension} (jenkinsci/jenkins core). Meta-annotated with sezpoz's
 * {@code @Indexable} as upstream, so compiling the plugin writes {@code META-INF/annotations/hudson.Extension}.
 * Its optional elements ({@code ordinal}, {@code optional}, {@code dynamicLoadable}) are not declared yet.
 */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {}
