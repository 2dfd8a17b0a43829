/** Access tokens from Entra ID and managed identities (msal4j), cached in-process. */
@NullMarked
package io.jenkins.plugins.exotoken.core.token;

import org.jspecify.annotations.NullMarked;
