@NullMarked
package vn.kontum.hotline.nlp.cli;

import org.jspecify.annotations.NullMarked;
