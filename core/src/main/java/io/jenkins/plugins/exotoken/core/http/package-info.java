/** HTTP plumbing for remote calls: settings, timeouts, capped answers and bounded retries. */
@NullMarked
package io.jenkins.plugins.exotoken.core.http;

import org.jspecify.annotations.NullMarked;
