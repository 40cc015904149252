package org.loupe.data.wafer;

/**
 * How hard a synthetic wafer set is: the defects' contrast against the surface, their size, and the sensor noise.
 * A hard set keeps defects detectable by eye but close to the die pattern's own contrast.
 *
 * @param minContrast smallest defect contrast, in grey levels
 * @param maxContrast largest defect contrast
 * @param sizeScale   defect size relative to normal
 * @param noise       sensor noise sigma, in grey levels
 */
public record Difficulty(double minContrast, double maxContrast, double sizeScale, double noise) {

    /** High contrast, large defects, little noise. */
    public static final Difficulty EASY = new Difficulty(60, 90, 1.2, 3);
    /** The default. */
    public static final Difficulty NORMAL = new Difficulty(35, 70, 1.0, 6);
    /** Faint, small defects in strong noise. */
    public static final Difficulty HARD = new Difficulty(18, 40, 0.8, 10);

    /** The difficulty named {@code easy}, {@code normal} or {@code hard}. */
    public static Difficulty of(String name) {
        return switch (name) {
            case "easy" -> EASY;
            case "normal" -> NORMAL;
            case "hard" -> HARD;
            default -> throw new IllegalArgumentException("unknown difficulty '" + name
                    + "' (known: easy, normal, hard)");
        };
    }
}
