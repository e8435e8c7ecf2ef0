/**
 * Figures for the Women's Union: counts, answering times and the plan's indicators, aggregates only. Cells
 * broken down by commune, village or service point that could point at a woman (1 to 4; by commune and village, every
 * place listed, 0 as well, so that a hidden row does not say that someone came from there) are shown as "hidden", with
 * whatever else it takes for them not to be worked back by subtraction (see {@link vn.kontum.hotline.stats.SmallCountSuppression}).
 */
@NullMarked
package vn.kontum.hotline.stats;

import org.jspecify.annotations.NullMarked;
