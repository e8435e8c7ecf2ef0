/** Secrets the hotline keeps in its database (platform tokens), encrypted at rest. */
@NullMarked
package vn.kontum.hotline.secrets;

import org.jspecify.annotations.NullMarked;
