/** A token file that stays fresh: renewed before its token runs out, replaced atomically, removed at the end. */
@NullMarked
package io.jenkins.plugins.exotoken.core.tokenfile;

import org.jspecify.annotations.NullMarked;
