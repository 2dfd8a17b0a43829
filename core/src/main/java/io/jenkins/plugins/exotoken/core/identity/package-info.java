/** Who signs in: app registrations, managed identities and the clouds they live in. */
@NullMarked
package io.jenkins.plugins.exotoken.core.identity;

import org.jspecify.annotations.NullMarked;
