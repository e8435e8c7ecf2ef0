@NullMarked
package vn.kontum.hotline.nlp.training;

import org.jspecify.annotations.NullMarked;
