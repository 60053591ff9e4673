package io.streamlimit.calibration;

import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which parameters a run can identify. First by what each parameter does: the SQS
 * mapping's back-off and the invoke overhead shape only a throttled queue; the held batches'
 * retry interval shows only in the events lost to the DLQ (without losses a longer interval and a
 * harder back-off give the same rows); the async read rate only in an unthrottled SNS -> Lambda
 * run, the retry jitter only in a throttled one. Then by measurement: a candidate moved across its
 * whole range must change a target figure by at least {@value #MIN_EFFECT_IN_SPREADS} times
 * that figure's spread between seeds ({@link Noise}) and by at least {@value #MIN_EFFECT_PERCENT}%,
 * or the search would fit noise.
 */
final class Planner {

    static final double MIN_EFFECT_PERCENT = 2;
    static final double MIN_EFFECT_IN_SPREADS = 4;

    private Planner() {
    }

    static Plan plan(Scenario scenario, TargetValues real, Evaluation start, Noise noise, Evaluator evaluator) {
        if (scenario.pipeline().fifo()) {
            throw new ScenarioException("pipeline", "calibration does not take " + scenario.pipeline().fileName()
                    + " runs yet; calibrate on an sns-sqs-lambda or sns-lambda run");
        }
        boolean throttled = start.throttles() > 0;
        List<Target> targets = new ArrayList<>();
        List<Parameter> candidates = new ArrayList<>();
        Map<Parameter, String> kept = new LinkedHashMap<>();
        if (scenario.pipeline() == Pipeline.SNS_SQS_LAMBDA) {
            targets.addAll(List.of(Target.FIRST_TO_LAST_START, Target.START_GAP_P10, Target.START_GAP_P50,
                    Target.START_GAP_P90));
            boolean losses = real.has(Target.FAILED) && real.value(Target.FAILED) > 0;
            if (losses) {
                targets.add(Target.FAILED);
            }
            if (!throttled) {
                String why = "the run is not throttled (the scenario simulated with the starting behaviour has no"
                        + " throttles), and it shapes only throttled runs";
                kept.put(Parameter.MAPPING_BATCHES_REMOVED_PER_THROTTLE, why);
                kept.put(Parameter.INVOKE_OVERHEAD, why);
                kept.put(Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL, why);
            } else {
                candidates.add(Parameter.MAPPING_BATCHES_REMOVED_PER_THROTTLE);
                candidates.add(Parameter.INVOKE_OVERHEAD);
                if (losses) {
                    candidates.add(Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL);
                } else {
                    kept.put(Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL, "no events were lost to the DLQ: without"
                            + " losses its effect cannot be told from mappingBatchesRemovedPerThrottle's");
                }
            }
        } else {
            targets.add(Target.FIRST_TO_LAST_START);
            targets.addAll(List.of(Target.STARTED_25_PERCENT, Target.STARTED_50_PERCENT, Target.STARTED_75_PERCENT,
                    Target.STARTED_90_PERCENT));
            if (throttled) {
                kept.put(Parameter.ASYNC_DELIVERY_RATE_PER_SECOND, "the run is throttled: its start rate is the"
                        + " function's concurrency, not the rate the async queue reads at");
                candidates.add(Parameter.ASYNC_RETRY_JITTER);
            } else {
                candidates.add(Parameter.ASYNC_DELIVERY_RATE_PER_SECOND);
                kept.put(Parameter.ASYNC_RETRY_JITTER, "the run is not throttled (the scenario simulated with the"
                        + " starting behaviour has no throttles): there are no retries to spread");
            }
        }
        // A relative error needs a real value other than 0.
        targets.removeIf(target -> !real.has(target) || real.value(target) == 0);

        List<Parameter> fitted = new ArrayList<>();
        for (Parameter parameter : candidates) {
            Effect effect = effect(parameter, real, targets, noise, evaluator);
            if (effect.percent() >= MIN_EFFECT_PERCENT && effect.inSpreads() >= MIN_EFFECT_IN_SPREADS) {
                fitted.add(parameter);
            } else {
                kept.put(parameter, String.format("across its range (%s to %s) it moves a target figure by %.1f%%"
                                + " at most (%s), %.1f times that figure's spread between seeds: this run cannot"
                                + " tell its value", parameter.display(parameter.low()), parameter.display(parameter.high()),
                        effect.percent(), effect.target() == null ? "none" : effect.target().label(), effect.inSpreads()));
            }
        }
        return new Plan(targets, fitted, kept);
    }

    /** A parameter's largest effect on a target, in percent of the real value and in the figure's spreads. */
    private record Effect(Target target, double percent, double inSpreads) {
    }

    /** The change of each target between the parameter's lowest and highest value; the largest in spreads. */
    private static Effect effect(Parameter parameter, TargetValues real, List<Target> targets, Noise noise,
                                 Evaluator evaluator) {
        TargetValues low = evaluator.evaluate(Point.none().with(parameter, parameter.low())).mean();
        TargetValues high = evaluator.evaluate(Point.none().with(parameter, parameter.high())).mean();
        Effect largest = new Effect(null, 0, 0);
        for (Target target : targets) {
            double relative;
            if (low.has(target) != high.has(target)) {
                relative = 1; // enough events start at one end and not at the other
            } else if (low.has(target)) {
                relative = Math.abs(high.value(target) - low.value(target)) / Math.abs(real.value(target));
            } else {
                continue;
            }
            double inSpreads = relative / noise.of(target);
            if (inSpreads > largest.inSpreads()) {
                largest = new Effect(target, relative * 100, inSpreads);
            }
        }
        return largest;
    }
}
