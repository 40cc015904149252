package org.loupe.fuzz;

/** The image decoder, starting from Pnm files. */
class PnmFuzzTest extends ImageDecoderFuzz {
}
