package org.kohsuke.stapler;

/**
 * Compile-only declaration of {@code org.kohsuke.stapler.StaplerRequest2} (jenkinsci/stapler): the HTTP request of a
 * form submission. Upstream extends {@code jakarta.servlet.http.HttpServletRequest}; the plugin uses none of it.
 */
public interface StaplerRequest2 {}
