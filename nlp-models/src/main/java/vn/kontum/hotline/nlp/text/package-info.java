@NullMarked
package vn.kontum.hotline.nlp.text;

import org.jspecify.annotations.NullMarked;
