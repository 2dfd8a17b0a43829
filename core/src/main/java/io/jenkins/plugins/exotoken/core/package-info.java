/**
 * The exo-token engine, free of Jenkins: the failures it reports, secret values and their fingerprints; the work is
 * in the subpackages.
 */
@NullMarked
package io.jenkins.plugins.exotoken.core;

import org.jspecify.annotations.NullMarked;
