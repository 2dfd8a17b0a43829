/** In-process caches with one shared call per key, bounded size and outage grace. */
@NullMarked
package io.jenkins.plugins.exotoken.core.cache;

import org.jspecify.annotations.NullMarked;
