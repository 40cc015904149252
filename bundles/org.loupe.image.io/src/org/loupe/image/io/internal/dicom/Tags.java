package org.loupe.image.io.internal.dicom;

import java.util.Locale;

/** The DICOM attributes Loupe reads and writes, as (group << 16 | element). */
final class Tags {

    static final int TRANSFER_SYNTAX = 0x00020010;
    static final int MEDIA_STORAGE_SOP_CLASS = 0x00020002;
    static final int MEDIA_STORAGE_SOP_INSTANCE = 0x00020003;
    static final int SOP_CLASS = 0x00080016;
    static final int SOP_INSTANCE = 0x00080018;
    static final int MODALITY = 0x00080060;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int PATIENT_ID = 0x00100020;
    static final int SLICE_THICKNESS = 0x00180050;
    static final int STUDY_INSTANCE = 0x0020000D;
    static final int SERIES_INSTANCE = 0x0020000E;
    static final int SERIES_NUMBER = 0x00200011;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int IMAGE_POSITION = 0x00200032;
    static final int IMAGE_ORIENTATION = 0x00200037;
    static final int FRAME_OF_REFERENCE = 0x00200052;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int WINDOW_CENTER = 0x00281050;
    static final int WINDOW_WIDTH = 0x00281051;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int RESCALE_TYPE = 0x00281054;
    static final int PIXEL_DATA = 0x7FE00010;

    private Tags() {
    }

    /** The tag as DICOM writes it, e.g. (0028,0010). */
    static String name(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
