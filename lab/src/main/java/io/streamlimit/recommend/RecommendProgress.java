package io.streamlimit.recommend;

/** Told as the recommender's candidates finish simulating, from whichever thread ran them. */
@FunctionalInterface
public interface RecommendProgress {

    RecommendProgress NONE = (done, total, stoppedEarly) -> { };

    /**
     * @param done candidates simulated so far in this round
     * @param total candidates in this round
     * @param stoppedEarly of those done, how many were stopped at their first lost event or second over the limit
     */
    void simulated(int done, int total, int stoppedEarly);
}
