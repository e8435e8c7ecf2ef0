@NullMarked
package vn.kontum.hotline.redis;

import org.jspecify.annotations.NullMarked;
