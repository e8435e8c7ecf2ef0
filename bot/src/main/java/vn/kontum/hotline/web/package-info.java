@NullMarked
package vn.kontum.hotline.web;

import org.jspecify.annotations.NullMarked;
