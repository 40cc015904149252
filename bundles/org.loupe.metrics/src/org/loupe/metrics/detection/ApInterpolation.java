package org.loupe.metrics.detection;

/**
 * How average precision summarises a precision-recall curve. All three first make precision monotone (each point
 * takes the best precision at any higher recall).
 */
public enum ApInterpolation {
    /** The area under the monotone curve, summed where recall changes (PASCAL VOC 2010 and later). */
    ALL_POINT,
    /** The mean of the monotone precision at recall 0, 0.1, ..., 1 (PASCAL VOC 2007). */
    VOC_11_POINT,
    /** The mean of the monotone precision at recall 0, 0.01, ..., 1 (COCO); 0 where recall is never reached. */
    COCO_101_POINT
}
