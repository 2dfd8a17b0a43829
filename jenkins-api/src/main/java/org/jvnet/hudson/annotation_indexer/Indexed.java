package org.jvnet.hudson.annotation_indexer;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Compile-only declaration of annotation-indexer's {@code @Indexed} (jenkinsci/lib-annotation-indexer), which is
 * not on Maven Central. Without its annotation processor no {@code META-INF/services/annotations} index is
 * written offline; the real build has both.
 */
@Documented
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Indexed {}
