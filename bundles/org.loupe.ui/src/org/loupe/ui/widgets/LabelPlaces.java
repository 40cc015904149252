package org.loupe.ui.widgets;

import java.util.List;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Where a box's label goes on a dense board: above the box, below it, inside its top edge, or beside it, whichever
 * is first free of the labels already placed and inside the canvas.
 */
final class LabelPlaces {

    private LabelPlaces() {
    }

    /** The first free place for a label of {@code size} at {@code box}, or null if every place is taken. */
    static Rectangle free(Rectangle box, Point size, List<Rectangle> placed, Rectangle canvas) {
        int w = size.x;
        int h = size.y;
        Rectangle[] candidates = {
            new Rectangle(box.x, box.y - h - 1, w, h),
            new Rectangle(box.x, box.y + box.height + 1, w, h),
            new Rectangle(box.x + 1, box.y + 1, w, h),
            new Rectangle(box.x + box.width + 1, box.y, w, h),
            new Rectangle(box.x - w - 1, box.y, w, h),
            new Rectangle(box.x + box.width - w, box.y - h - 1, w, h),
            new Rectangle(box.x + box.width - w, box.y + box.height + 1, w, h)};
        for (Rectangle c : candidates) {
            if (canvas.contains(c.x, c.y) && canvas.contains(c.x + w - 1, c.y + h - 1)
                    && placed.stream().noneMatch(c::intersects)) {
                return c;
            }
        }
        return null;
    }
}
