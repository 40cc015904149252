package org.loupe.tensorflow.train;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * One mini-batch: inputs and targets as flat float arrays with their tensor shapes (NHWC images, or [N, K] labels).
 *
 * @param input       input values
 * @param inputShape  input tensor shape
 * @param target      target values
 * @param targetShape target tensor shape
 */
public record Batch(float[] input, long[] inputShape, float[] target, long[] targetShape) {

    /** The input as a tensor; the caller closes it. */
    public TFloat32 inputTensor() {
        return TFloat32.tensorOf(Shape.of(inputShape), DataBuffers.of(input, true, false));
    }

    /** The target as a tensor; the caller closes it. */
    public TFloat32 targetTensor() {
        return TFloat32.tensorOf(Shape.of(targetShape), DataBuffers.of(target, true, false));
    }
}
