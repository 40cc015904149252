package org.loupe.enhance.srq.internal;

/**
 * Runs the network on a block of low-resolution luma with zero padding at the block's edges, as TensorFlow's "SAME"
 * convolutions do. Engines are stateless and safe to call from several threads.
 */
interface ResidualEngine {

    /**
     * The last layer's output, interleaved: {@code SCALE * SCALE} sub-pixel phases for each low-resolution pixel
     * in row-major order, in luma units.
     *
     * @param luma row-major low-resolution luma, nominally in [0, 1]
     */
    double[] run(float[] luma, int width, int height);
}
