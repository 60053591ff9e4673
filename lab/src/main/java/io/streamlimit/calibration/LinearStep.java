package io.streamlimit.calibration;

import java.util.List;

/**
 * One step of the search's refinement: over a small grid, a straight-line (plane) model of each
 * target's error, fitted by least squares to all the grid's points, and the point where those
 * models give the least sum of squares (a Gauss-Newton step whose slopes come from a regression
 * rather than from two noisy points).
 *
 * <p>Why a model of each figure rather than of the loss: the figures are nearly linear in the
 * parameters over a small range, the loss is not; and where two parameters trade off (a diagonal
 * valley of the loss), the figures' slopes point along the valley at once.
 */
final class LinearStep {

    private LinearStep() {
    }

    /**
     * @param xs the grid's points, each parameter scaled to about -1..1 around the centre
     * @param errors each point's target errors (same order of targets for every point)
     * @return the step from the centre in the same scaled units, or null when the grid does not
     *     determine one
     */
    static double[] step(List<double[]> xs, List<double[]> errors) {
        int d = xs.get(0).length;
        int targets = errors.get(0).length;
        int columns = d + 1;
        // Least squares for all targets at once: they share the design (1, x).
        double[][] design = new double[columns][columns];
        double[][] moments = new double[columns][targets];
        for (int p = 0; p < xs.size(); p++) {
            double[] row = new double[columns];
            row[0] = 1;
            System.arraycopy(xs.get(p), 0, row, 1, d);
            for (int i = 0; i < columns; i++) {
                for (int j = 0; j < columns; j++) {
                    design[i][j] += row[i] * row[j];
                }
                for (int t = 0; t < targets; t++) {
                    moments[i][t] += row[i] * errors.get(p)[t];
                }
            }
        }
        double[] intercept = new double[targets];
        double[][] slope = new double[targets][d];
        for (int t = 0; t < targets; t++) {
            double[] column = new double[columns];
            for (int i = 0; i < columns; i++) {
                column[i] = moments[i][t];
            }
            double[] coefficients = Matrices.solve(design, column);
            if (coefficients == null) {
                return null;
            }
            intercept[t] = coefficients[0];
            System.arraycopy(coefficients, 1, slope[t], 0, d);
        }
        // Minimise sum_t (intercept_t + slope_t . x)^2: the normal equations of the slopes. A tiny
        // ridge keeps a parameter without effect at its place instead of making them singular.
        double[][] normal = new double[d][d];
        double[] rhs = new double[d];
        double trace = 0;
        for (int t = 0; t < targets; t++) {
            for (int i = 0; i < d; i++) {
                rhs[i] -= slope[t][i] * intercept[t];
                for (int j = 0; j < d; j++) {
                    normal[i][j] += slope[t][i] * slope[t][j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            trace += normal[i][i];
        }
        for (int i = 0; i < d; i++) {
            normal[i][i] += 1e-9 * Math.max(trace, 1e-12);
        }
        return Matrices.solve(normal, rhs);
    }
}
