/**
 * {@code streamlimit calibrate}: fits the fitted parameters of {@link io.streamlimit.aws.AwsBehaviour}
 * to a real run of the user's own account. {@link io.streamlimit.calibration.Calibrator} simulates
 * the scenario that describes the run, compares the same figures ({@link
 * io.streamlimit.calibration.Target}) on both, decides what the run can identify ({@code Planner})
 * and searches it ({@code Search}); {@link io.streamlimit.calibration.ProfileWriter} writes the
 * result as a profile file for {@code --aws-profile}, {@link io.streamlimit.calibration.FitTable}
 * prints it. {@link io.streamlimit.calibration.TraceWriter} writes rows in the trace format the
 * command reads.
 */
package io.streamlimit.calibration;
