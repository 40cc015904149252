package org.loupe.fuzz;

/** The image decoder, starting from Tiff files. */
class TiffFuzzTest extends ImageDecoderFuzz {
}
