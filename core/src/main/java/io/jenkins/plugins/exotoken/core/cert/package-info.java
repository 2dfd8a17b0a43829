/** Reading certificates and their private keys (PEM, DER, PKCS#12) and inspecting them for use with Entra ID. */
@NullMarked
package io.jenkins.plugins.exotoken.core.cert;

import org.jspecify.annotations.NullMarked;
