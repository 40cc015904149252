package org.loupe.fuzz;

/** The image decoder, starting from Bmp files. */
class BmpFuzzTest extends ImageDecoderFuzz {
}
