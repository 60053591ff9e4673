package io.streamlimit.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A replay of recorded traffic: a CSV file with one line per second, either {@code count} or
 * {@code second,count} (the first column is then only checked to increase by one). A first line
 * that is not a number is a header; blank lines and lines starting with {@code #} are skipped.
 */
public record ReplayTraffic(String countsFile, SecondCounts counts) implements Traffic {

    private static final String KEY = "events.countsFile";

    public ReplayTraffic {
        Checks.required(KEY, countsFile);
        Checks.required(KEY, counts);
        if (counts.total() < 1 || counts.total() > EventsSpec.MAX_TOTAL) {
            throw new ScenarioException(KEY, countsFile + " holds " + counts.total() + " events; it must hold 1 to "
                    + EventsSpec.MAX_TOTAL);
        }
    }

    /** Reads the file; a relative path is taken from {@code directory} (the scenario file's). */
    public static ReplayTraffic read(String countsFile, Path directory) {
        Path file = directory.resolve(Checks.required(KEY, countsFile));
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(KEY, "no such file: " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScenarioException(KEY, "cannot read " + file + " as UTF-8 text: " + e.getMessage());
        }
        int[] counts = new int[Math.min(lines.size(), Traffic.MAX_SECONDS + 2)];
        int seconds = 0;
        long lastSecond = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split(",", -1);
            if (seconds == 0 && lastSecond < 0 && !isNumber(columns[0].strip()) && i == firstDataLine(lines)) {
                continue; // a header
            }
            String where = countsFile + " line " + (i + 1);
            if (columns.length > 2) {
                throw new ScenarioException(KEY, where + ": expected count or second,count, got '" + line + "'");
            }
            if (columns.length == 2) {
                long second = number(where + " (second)", columns[0].strip(), Long.MAX_VALUE);
                if (lastSecond >= 0 && second != lastSecond + 1) {
                    throw new ScenarioException(KEY, where + ": second " + second + " should be " + (lastSecond + 1)
                            + " (one line per second, in order)");
                }
                lastSecond = second;
            }
            if (seconds == Traffic.MAX_SECONDS) {
                throw new ScenarioException(KEY, countsFile + " has more than " + Traffic.MAX_SECONDS + " seconds");
            }
            counts[seconds++] = (int) number(where + " (count)", columns[columns.length - 1].strip(),
                    EventsSpec.MAX_RATE_PER_SECOND);
        }
        if (seconds == 0) {
            throw new ScenarioException(KEY, countsFile + " has no counts");
        }
        // Absolute, so that a scenario written elsewhere (recommend --write) still finds it.
        return new ReplayTraffic(file.toAbsolutePath().toString(), new SecondCounts(java.util.Arrays.copyOf(counts, seconds)));
    }

    private static int firstDataLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    private static long number(String where, String text, long max) {
        if (!isNumber(text) || text.length() > 12 || Long.parseLong(text) > max) {
            throw new ScenarioException(KEY, where + ": must be a whole number 0 to " + max + ", got '" + text + "'");
        }
        return Long.parseLong(text);
    }
}
