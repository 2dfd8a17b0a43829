/** Masking secrets and token shapes in messages and logs. */
@NullMarked
package io.jenkins.plugins.exotoken.core.redact;

import org.jspecify.annotations.NullMarked;
