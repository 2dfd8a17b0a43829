package org.kohsuke.stapler;

import net.sf.json.JSONObject;

/**
 * Compile-only declaration of {@code org.kohsuke.stapler.DataBoundResolvable} (jenkinsci/stapler): an object bound
 * from a form that Stapler asks, once bound, for the object to use instead (or to refuse the form).
 */
public interface DataBoundResolvable {
    Object bindResolve(StaplerRequest2 request, JSONObject src);
}
