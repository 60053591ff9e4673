package io.streamlimit.recommend;

import io.streamlimit.scenario.Scenario;

/**
 * One configuration the recommender simulates.
 *
 * @param family what kind of configuration it is (for example "maximum concurrency and a
 *     matching reservation"), so runners-up show different ideas rather than near-copies
 * @param label the settings in a few words
 */
record Candidate(Scenario scenario, String family, String label) {
}
