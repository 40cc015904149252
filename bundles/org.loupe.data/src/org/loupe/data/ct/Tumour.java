package org.loupe.data.ct;

/**
 * A lesion placed in a phantom liver, with the truth a detector and a localiser are scored against.
 *
 * @param id         1-based index, the tumour's value in the tumour label map
 * @param kind       {@code metastasis} (hypodense with an enhancing rim) or {@code cyst} (near water density)
 * @param x          centre, mm (LPS)
 * @param y          centre, mm
 * @param z          centre, mm
 * @param diameterMm nominal diameter
 * @param segment    Couinaud segment (1 to 8) of the centre
 */
public record Tumour(int id, String kind, double x, double y, double z, double diameterMm, int segment) {
}
