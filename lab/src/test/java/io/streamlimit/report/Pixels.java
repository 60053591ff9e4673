package io.streamlimit.report;

import java.awt.image.BufferedImage;

/** Counting pixels of a colour in a screenshot, for the browser tests of the reports. */
final class Pixels {

    private Pixels() {
    }

    /** Pixels in rows {@code fromY} (inclusive) to {@code toY} (exclusive) within {@code tolerance} of {@code rgb} per channel. */
    static int count(BufferedImage image, int rgb, int tolerance, int fromY, int toY) {
        int count = 0;
        for (int y = Math.max(0, fromY); y < Math.min(image.getHeight(), toY); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
                        && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
                        && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }
}
