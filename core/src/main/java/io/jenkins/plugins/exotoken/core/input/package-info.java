/** Checks and normal forms for text a user types: GUIDs, base URLs, printable one-line values. */
@NullMarked
package io.jenkins.plugins.exotoken.core.input;

import org.jspecify.annotations.NullMarked;
