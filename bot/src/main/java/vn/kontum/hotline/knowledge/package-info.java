/**
 * Answers to common questions about safe delivery and savings and loans, which coordinators keep: found by
 * keywords within the topic the classifier gave, for the conversation to offer alongside a person.
 */
@NullMarked
package vn.kontum.hotline.knowledge;

import org.jspecify.annotations.NullMarked;
