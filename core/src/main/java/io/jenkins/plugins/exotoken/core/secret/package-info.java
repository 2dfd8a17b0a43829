/** The credentials an app signs in with: a client secret or a certificate. */
@NullMarked
package io.jenkins.plugins.exotoken.core.secret;

import org.jspecify.annotations.NullMarked;
