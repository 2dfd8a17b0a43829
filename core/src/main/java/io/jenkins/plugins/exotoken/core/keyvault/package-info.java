/** Secrets and certificates read from Azure Key Vault, cached in-process. */
@NullMarked
package io.jenkins.plugins.exotoken.core.keyvault;

import org.jspecify.annotations.NullMarked;
