package org.loupe.fuzz;

/** The image decoder, starting from Png files. */
class PngFuzzTest extends ImageDecoderFuzz {
}
