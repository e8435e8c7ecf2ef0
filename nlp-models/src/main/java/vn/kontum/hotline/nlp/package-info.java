/**
 * Understanding a message: which topic it is about and whether someone is in danger now.
 * The root package is the module's API ({@link vn.kontum.hotline.nlp.MessageClassifier});
 * {@code text}, {@code training} and {@code cli} are its internals.
 */
@NullMarked
package vn.kontum.hotline.nlp;

import org.jspecify.annotations.NullMarked;
