package io.streamlimit.calibration;

/** The one piece of linear algebra the search needs: solving a small square system. */
final class Matrices {

    private Matrices() {
    }

    /**
     * Solves {@code matrix x = vector} by Gaussian elimination with partial pivoting; null when the
     * matrix is (nearly) singular. The arguments are not changed.
     */
    static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] m = new double[n][];
        double[] v = vector.clone();
        double scale = 0;
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
            for (double value : m[i]) {
                scale = Math.max(scale, Math.abs(value));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 1e-12 * scale)) {
                return null;
            }
            double[] rowSwap = m[col];
            m[col] = m[pivot];
            m[pivot] = rowSwap;
            double valueSwap = v[col];
            v[col] = v[pivot];
            v[pivot] = valueSwap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[row][c] -= factor * m[col][c];
                }
                v[row] -= factor * v[col];
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = v[row];
            for (int c = row + 1; c < n; c++) {
                sum -= m[row][c] * x[c];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
