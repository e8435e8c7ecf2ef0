/**
 * Figures for the Women's Union: counts, answering times and the plan's indicators, aggregates only. Cells
 * broken down by commune or village that could point at a woman (1 to 4) are shown as "<5".
 */
@NullMarked
package vn.kontum.hotline.stats;

import org.jspecify.annotations.NullMarked;
