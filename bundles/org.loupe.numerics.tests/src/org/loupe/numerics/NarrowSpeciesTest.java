package org.loupe.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The conversions' narrow vectors exist only from 64 bits: on a machine with 256-bit vectors (AVX2) four doubles pair
 * with 32 bits of bytes, which the Vector API cannot make, and those rows convert lane by lane instead of failing.
 */
class NarrowSpeciesTest {

    @Test
    void belowSixtyFourBitsThereIsNoSpeciesAndTheRowsConvertLaneByLane() {
        assertNull(VectorRows.narrow(byte.class, 32));
        assertNull(VectorRows.narrow(short.class, 16));
    }

    @Test
    void fromSixtyFourBitsTheSpeciesHasTheLanesAsked() {
        assertEquals(8, VectorRows.narrow(byte.class, 64).length());
        assertEquals(4, VectorRows.narrow(int.class, 128).length());
    }
}
