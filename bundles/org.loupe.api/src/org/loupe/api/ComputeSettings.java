package org.loupe.api;

import java.util.Locale;

/**
 * The process-wide compute choices every {@link ComputeBackend} honours when it opens a session: which devices it may
 * use and the largest tile a tiled model runs on. The command line takes them from the environment
 * ({@code LOUPE_DEVICE=cpu}, {@code LOUPE_TILE=384}); the workbench from its Preferences. A job already running keeps
 * the choices it started with.
 */
public final class ComputeSettings {

    /** Which devices a backend may use. */
    public enum Device {
        /** A GPU when the backend sees one, else the CPU. */
        AUTO,
        /** The CPU only, even when a GPU is visible (keeps the GPU free, or reproduces CPU results). */
        CPU
    }

    private static volatile Device device = Device.AUTO;
    private static volatile int maxTile;

    private ComputeSettings() {
    }

    /** The devices a backend may use now. */
    public static Device device() {
        return device;
    }

    /** Chooses the devices for sessions opened from now on. */
    public static void setDevice(Device choice) {
        if (choice == null) {
            throw new IllegalArgumentException("no device choice");
        }
        device = choice;
    }

    /** The largest tile side, in input pixels, a tiled model runs on; 0 means each model's own tile. */
    public static int maxTile() {
        return maxTile;
    }

    /** Sets the largest tile side (0 for each model's own); smaller tiles need less memory and take longer. */
    public static void setMaxTile(int side) {
        if (side < 0) {
            throw new IllegalArgumentException("a tile side of " + side + " pixels");
        }
        maxTile = side;
    }

    /** The choices in words, e.g. "the CPU only; tiles of at most 384 pixels". */
    public static String describe() {
        return (device == Device.CPU ? "the CPU only" : "a GPU when one is visible, else the CPU") + "; "
                + (maxTile == 0 ? "each model's own tile size" : "tiles of at most " + maxTile + " pixels");
    }

    /** Reads a device choice as written by a person ("auto", "cpu", any case); empty or absent means AUTO. */
    public static Device parseDevice(String text) {
        if (text == null || text.isBlank()) {
            return Device.AUTO;
        }
        try {
            return Device.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device '" + text + "': give auto or cpu", e);
        }
    }

    /** Reads a tile side; empty or absent means 0 (each model's own). */
    public static int parseTile(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int side = Integer.parseInt(text.trim());
            if (side >= 0) {
                return side;
            }
        } catch (NumberFormatException e) {
            // reported below, with what was given
        }
        throw new IllegalArgumentException("tile '" + text + "': give a side in pixels, or 0 for each model's own");
    }
}
