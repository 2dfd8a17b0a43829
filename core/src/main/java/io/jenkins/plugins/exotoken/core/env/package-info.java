/** The environment variables a job or a command gets for a token. */
@NullMarked
package io.jenkins.plugins.exotoken.core.env;

import org.jspecify.annotations.NullMarked;
