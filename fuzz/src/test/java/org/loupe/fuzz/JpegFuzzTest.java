package org.loupe.fuzz;

/** The image decoder, starting from Jpeg files. */
class JpegFuzzTest extends ImageDecoderFuzz {
}
