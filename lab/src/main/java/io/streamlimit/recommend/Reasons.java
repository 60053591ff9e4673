package io.streamlimit.recommend;

import io.streamlimit.scenario.ProvisionedPollers;
import io.streamlimit.scenario.Scenario;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Why each candidate has its place, in the terms of the {@link Ranking}: the first of its rules
 * that tells the candidate from the winner. Throttles are named where they decided: a throttled
 * candidate that time alone would have put first, and the winner either way.
 */
final class Reasons {

    private final Ranking ranking;
    private final RecommendRequest request;
    private final List<Simulated> sorted;

    /** @param sorted the candidates in the ranking's order */
    Reasons(Ranking ranking, RecommendRequest request, List<Simulated> sorted) {
        this.ranking = ranking;
        this.request = request;
        this.sorted = sorted;
    }

    /** The reason for the candidate at {@code index} (0 for the winner). */
    String of(int index) {
        return index == 0 ? winner() : loser(sorted.get(index), sorted.get(0));
    }

    private String winner() {
        Simulated s = sorted.get(0);
        String verdict = s.lost() == 0 && s.stats().secondsOverLimit() == 0
                ? "no event lost, never over the limit"
                : "the least bad: " + s.lost() + " events lost, " + s.stats().secondsOverLimit()
                        + " seconds over the limit";
        String why = verdict + ", " + seconds(s.timeTakenMillis()) + " s (at the limit: "
                + seconds(request.idealMillis()) + " s), p99 " + seconds(s.p99Millis()) + " s, " + usd(s.costUsd())
                + " as deployed; " + s.candidate().family() + ": " + s.candidate().label();
        if (request.aboveLatencyBound(s.p99Millis())) {
            why += "; no configuration that does as well on loss and the limit keeps p99 within "
                    + seconds(request.maxP99Millis()) + " s";
        }
        int provisioned = s.candidate().scenario().consumer().provisionedConcurrency();
        if (provisioned > 0) {
            why += "; provisioned concurrency keeps " + provisioned + (provisioned == 1 ? " environment" : " environments")
                    + " initialized before the first event, so no batch waits for a cold start";
            int twin = indexOf(o -> isUnprovisionedTwin(o, s));
            if (twin > 0) {
                Simulated unprovisioned = sorted.get(twin);
                why += " (without it: " + seconds(unprovisioned.timeTakenMillis()) + " s, "
                        + usd(unprovisioned.costUsd()) + ")";
            }
        }
        if (s.candidate().scenario().consumer().snapStart()) {
            why += "; SnapStart restores each new environment from the snapshot taken when the version was published"
                    + " instead of initializing it, free for Java";
            int twin = indexOf(o -> isWithoutSnapStartTwin(o, s));
            if (twin > 0) {
                Simulated without = sorted.get(twin);
                why += " (without it: " + seconds(without.timeTakenMillis()) + " s, p99 " + seconds(without.p99Millis())
                        + " s)";
            }
        }
        ProvisionedPollers pollers = s.candidate().scenario().queue() == null ? null
                : s.candidate().scenario().queue().pollers();
        if (pollers != null) {
            why += "; provisioned pollers keep " + pollers.minimumPollers() + " event pollers polling before the"
                    + " first event and scale the mapping faster, up to " + pollers.maximumPollers() + " pollers";
            int twin = indexOf(o -> isStandardModeTwin(o, s));
            if (twin > 0) {
                Simulated standard = sorted.get(twin);
                why += " (in standard mode: " + seconds(standard.timeTakenMillis()) + " s, " + usd(standard.costUsd())
                        + ")";
            }
        }
        return why + (s.throttled() ? throttledWinner(s) : throttleFreeWinner(s));
    }

    /** True when {@code s} is {@code snapStarted} without SnapStart. */
    private static boolean isWithoutSnapStartTwin(Simulated s, Simulated snapStarted) {
        Scenario with = snapStarted.candidate().scenario();
        return with.consumer().snapStart()
                && s.candidate().scenario().equals(with.withConsumer(with.consumer().withSnapStart(false)));
    }

    /** True when {@code s} is {@code provisioned} with its mapping in standard mode (no pollers). */
    private static boolean isStandardModeTwin(Simulated s, Simulated provisioned) {
        Scenario with = provisioned.candidate().scenario();
        return with.queue() != null && with.queue().pollers() != null
                && s.candidate().scenario().equals(with.withQueue(with.queue().withPollers(null)));
    }

    /** Names the throttled candidate that would have won had throttles not counted, if any. */
    private String throttleFreeWinner(Simulated s) {
        Comparator<Simulated> ignoringThrottles = ranking.orderIgnoringThrottles();
        int rival = indexOf(o -> o.throttled() && ignoringThrottles.compare(o, s) < 0);
        if (rival < 0) {
            return "";
        }
        Simulated r = sorted.get(rival);
        return "; throttle-free, so it ranks above the throttled " + name(r) + ", " + fasterBy(r, s) + " but with "
                + count(r.stats().throttles()) + " throttled invokes";
    }

    /** Says how many invokes the winner had throttled, and why it won all the same. */
    private String throttledWinner(Simulated s) {
        String note = "; " + count(s.stats().throttles()) + " throttled invokes";
        int free = indexOf(o -> !o.throttled() && o.lost() == s.lost()
                && o.stats().secondsOverLimit() == s.stats().secondsOverLimit());
        return free < 0
                ? note + "; every configuration that does as well on loss and the limit has throttled invokes too"
                : note + ", accepted because the best throttle-free " + name(sorted.get(free)) + " takes "
                        + percent(sorted.get(free).timeTakenMillis() - s.timeTakenMillis(), s.timeTakenMillis())
                        + " longer";
    }

    private String loser(Simulated s, Simulated best) {
        if (s.lost() != best.lost()) {
            return "loses " + s.lost() + " of " + s.stats().totalEvents() + " events"
                    + (s.stats().redeliveries() > 0 ? " after " + s.stats().redeliveries() + " redeliveries" : "")
                    + (s.throttled() ? " (" + count(s.stats().throttles()) + " throttled invokes)" : "");
        }
        if (s.stats().secondsOverLimit() != best.stats().secondsOverLimit()) {
            return "over the limit in " + s.stats().secondsOverLimit() + " seconds";
        }
        if (request.aboveLatencyBound(s.p99Millis()) && !request.aboveLatencyBound(best.p99Millis())) {
            return "p99 " + seconds(s.p99Millis()) + " s, above the bound of " + seconds(request.maxP99Millis()) + " s";
        }
        if (s.throttled() && !best.throttled()
                && ranking.steps(s.timeTakenMillis()) <= ranking.steps(best.timeTakenMillis())) {
            // Time alone would not have put it below the winner: its throttles did.
            return "ranked below #1: " + fasterBy(s, best) + " but " + count(s.stats().throttles()) + " throttled invokes";
        }
        if (ranking.timeSteps(s.stats()) != ranking.timeSteps(best.stats())) {
            String slower = "slower: " + seconds(s.timeTakenMillis()) + " s against " + seconds(best.timeTakenMillis())
                    + " s";
            if (!s.throttled() && ranking.handicapped(best.stats())) {
                return slower + "; throttle-free, but "
                        + percent(s.timeTakenMillis() - best.timeTakenMillis(), best.timeTakenMillis())
                        + " slower, and #1's throttles count as " + Ranking.THROTTLE_HANDICAP_PERCENT + "%";
            }
            return slower + (isUnprovisionedTwin(s, best) ? " (its first batches wait for cold starts)"
                    : isWithoutSnapStartTwin(s, best) ? " (its new environments initialize instead of restoring a snapshot)"
                    : isStandardModeTwin(s, best) ? " (its mapping starts at 2 batches and adds 300 a minute)" : "");
        }
        if (ranking.latencySteps(s.p99Millis()) != ranking.latencySteps(best.p99Millis())) {
            return "as fast, but events wait longer: p99 " + seconds(s.p99Millis()) + " s against "
                    + seconds(best.p99Millis()) + " s";
        }
        if (s.costUsd() != best.costUsd()) {
            return "as fast, but costs " + usd(s.costUsd()) + " as deployed against " + usd(best.costUsd());
        }
        return "ties with the winner; the winner is the simpler or more conventional setting";
    }

    /** A candidate the table may not show, named by its settings rather than by its rank. */
    private static String name(Simulated s) {
        return "configuration (" + ConfigurationColumns.of(s.candidate().scenario()).phrase() + ")";
    }

    private static String fasterBy(Simulated faster, Simulated than) {
        return faster.timeTakenMillis() < than.timeTakenMillis()
                ? percent(than.timeTakenMillis() - faster.timeTakenMillis(), faster.timeTakenMillis()) + " faster"
                : "as fast";
    }

    /** True when {@code s} is {@code provisioned} without its provisioned concurrency. */
    private static boolean isUnprovisionedTwin(Simulated s, Simulated provisioned) {
        Scenario with = provisioned.candidate().scenario();
        return with.consumer().provisionedConcurrency() > 0
                && s.candidate().scenario().equals(with.withConsumer(with.consumer().withProvisionedConcurrency(0)));
    }

    /** The index of the best candidate after the winner that passes {@code test}, or -1. */
    private int indexOf(Predicate<Simulated> test) {
        for (int i = 1; i < sorted.size(); i++) {
            if (test.test(sorted.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Seconds to one decimal: the ranking's steps are 1 % of the time at the limit. */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /**
     * {@code part} in percent of {@code whole}, to two decimals, so that a difference just under
     * or over the throttle handicap's 1 % reads as such.
     */
    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f%%", 100.0 * part / Math.max(1, whole));
    }

    /** A count with thousands separators: throttles run to millions. */
    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String usd(double usd) {
        return String.format(Locale.ROOT, "$%.6f", usd);
    }
}
