package org.loupe.numerics.wavelet;

import org.loupe.numerics.Grid;

/**
 * The three detail subbands of one level of a 2-D wavelet transform, named as PyWavelets names them.
 *
 * @param horizontal cH: detail along the rows' direction of change (vertical differences, horizontal edges)
 * @param vertical   cV: detail across columns (horizontal differences, vertical edges)
 * @param diagonal   cD: detail in both directions
 */
public record WaveletLevel(Grid horizontal, Grid vertical, Grid diagonal) {
}
