package io.streamlimit.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The search, in two phases.
 *
 * <ol>
 *   <li>A coarse grid over every fitted parameter's whole range (11, 7 or 5 points a parameter for
 *       one, two or three parameters); its lowest point is the first estimate.</li>
 *   <li>Refinement: a grid of 3 points a parameter around the estimate (at first one coarse
 *       spacing on either side), a straight-line model of each figure's error over it, and a step
 *       to where the models put the least loss ({@link LinearStep}), at most to the grid's edge.
 *       A step that stays inside the grid halves the next grid's width; one that reaches the edge
 *       (the optimum lies beyond) keeps it. It ends when the width is below
 *       1/{@value #SMALLEST_WIDTH_DIVISOR} of the range, or after {@value #MOST_FINE_GRIDS}
 *       grids.</li>
 * </ol>
 *
 * <p>Why not simply the lowest point of finer and finer grids: one point's figures are a few
 * seeds of a random process, so near the optimum the lowest point is the luckiest, not the best,
 * while a regression over the whole grid averages the luck out. Why not one parameter at a time:
 * the parameters trade off (a harder back-off and a shorter overhead give about the same run
 * time), and a descent along one axis at a time creeps along such a diagonal valley.
 *
 * <p>Positions are on each parameter's unit interval (log-spaced for ratios); the values simulated
 * are the values as written ({@link Parameter#rounded}). A fit whose loss is not below the
 * starting values' keeps the starting values.
 */
final class Search {

    static final int SMALLEST_WIDTH_DIVISOR = 200;
    /** A bound on the work, which an optimum at the end of a long valley could otherwise stretch. */
    static final int MOST_FINE_GRIDS = 16;
    private static final int FINE_POINTS = 3;

    /** The best point and its loss. */
    record Outcome(Point best, double loss) {
    }

    private Search() {
    }

    /**
     * @param errors each target's error at a point, in the loss's units: the loss is the sum of
     *     their squares
     */
    static Outcome minimise(List<Parameter> parameters, Point start, Function<Point, double[]> errors) {
        Outcome atStart = new Outcome(start, loss(errors.apply(start)));
        if (parameters.isEmpty()) {
            return atStart;
        }
        int dimensions = parameters.size();
        int coarse = dimensions == 1 ? 11 : dimensions == 2 ? 7 : 5;

        double[] centre = new double[dimensions];
        Arrays.fill(centre, 0.5);
        Outcome coarseBest = null;
        for (Point point : grid(parameters, start, centre, 0.5, coarse)) {
            double value = loss(errors.apply(point));
            // Strictly lower, so that the first of equal points wins and the order alone decides ties.
            if (coarseBest == null || value < coarseBest.loss()) {
                coarseBest = new Outcome(point, value);
            }
        }
        centre = units(parameters, coarseBest.best());

        double halfWidth = 1.0 / (coarse - 1);
        for (int grids = 0; grids < MOST_FINE_GRIDS && 2 * halfWidth >= 1.0 / SMALLEST_WIDTH_DIVISOR; grids++) {
            List<double[]> xs = new ArrayList<>();
            List<double[]> gridErrors = new ArrayList<>();
            for (Point point : grid(parameters, start, centre, halfWidth, FINE_POINTS)) {
                double[] u = units(parameters, point);
                double[] x = new double[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    x[d] = (u[d] - centre[d]) / halfWidth; // -1 to 1 inside the range: a well-conditioned fit
                }
                xs.add(x);
                gridErrors.add(errors.apply(point));
            }
            double[] step = LinearStep.step(xs, gridErrors);
            if (step == null) {
                halfWidth /= 2;
                continue;
            }
            boolean reachesEdge = false;
            for (int d = 0; d < dimensions; d++) {
                double bounded = Math.max(-1, Math.min(1, step[d]));
                reachesEdge |= bounded != step[d];
                centre[d] = clampUnit(centre[d] + bounded * halfWidth);
            }
            if (!reachesEdge) {
                halfWidth /= 2;
            }
        }
        Point fitted = start;
        for (int d = 0; d < dimensions; d++) {
            fitted = fitted.with(parameters.get(d), parameters.get(d).fromUnit(centre[d]));
        }
        Outcome outcome = new Outcome(fitted, loss(errors.apply(fitted)));
        return outcome.loss() < atStart.loss() ? outcome : atStart;
    }

    private static double loss(double[] errors) {
        double sum = 0;
        for (double error : errors) {
            sum += error * error;
        }
        return sum;
    }

    /** The points of a grid of {@code perAxis} points an axis, centre +- halfWidth, within the range. */
    private static List<Point> grid(List<Parameter> parameters, Point start, double[] centre, double halfWidth,
                                    int perAxis) {
        List<Point> points = new ArrayList<>();
        int combinations = (int) Math.pow(perAxis, parameters.size());
        for (int index = 0; index < combinations; index++) {
            Point point = start;
            int rest = index;
            for (int d = 0; d < parameters.size(); d++) {
                double offset = -halfWidth + 2 * halfWidth * (rest % perAxis) / (perAxis - 1);
                rest /= perAxis;
                point = point.with(parameters.get(d), parameters.get(d).fromUnit(centre[d] + offset));
            }
            points.add(point);
        }
        return points;
    }

    private static double[] units(List<Parameter> parameters, Point point) {
        double[] u = new double[parameters.size()];
        for (int d = 0; d < u.length; d++) {
            u[d] = clampUnit(parameters.get(d).toUnit(point.value(parameters.get(d))));
        }
        return u;
    }

    private static double clampUnit(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
