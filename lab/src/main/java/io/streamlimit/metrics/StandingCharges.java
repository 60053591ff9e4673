package io.streamlimit.metrics;

/**
 * What a configuration pays while deployed, whether or not traffic comes, in US dollars per day:
 * provisioned concurrency, the SQS mapping's minimum provisioned pollers and a provisioned Kinesis
 * stream's shard-hours are the ones the lab models; further components are added to {@link #usdPerDay}.
 *
 * @param provisionedConcurrencyUsdPerDay the configured environments, a whole day
 * @param provisionedPollersUsdPerDay the mapping's minimum event pollers, a whole day (pollers
 *     above the minimum are paid only while a run scales to them, in the run's own cost)
 * @param kinesisShardsUsdPerDay the stream's shards, 24 shard-hours each a day
 */
public record StandingCharges(double provisionedConcurrencyUsdPerDay, double provisionedPollersUsdPerDay,
                              double kinesisShardsUsdPerDay) {

    public static final StandingCharges NONE = new StandingCharges(0, 0, 0);

    /** Provisioned concurrency alone. */
    public StandingCharges(double provisionedConcurrencyUsdPerDay) {
        this(provisionedConcurrencyUsdPerDay, 0, 0);
    }

    /** Provisioned concurrency and pollers, without a stream. */
    public StandingCharges(double provisionedConcurrencyUsdPerDay, double provisionedPollersUsdPerDay) {
        this(provisionedConcurrencyUsdPerDay, provisionedPollersUsdPerDay, 0);
    }

    /** These charges and a stream's shards. */
    public StandingCharges withKinesisShards(double usdPerDay) {
        return new StandingCharges(provisionedConcurrencyUsdPerDay, provisionedPollersUsdPerDay, usdPerDay);
    }

    /** AWS's pricing pages count a month as 730 hours. */
    public static final double HOURS_PER_MONTH = 730;
    public static final long MILLIS_PER_DAY = 86_400_000L;

    public double usdPerDay() {
        return provisionedConcurrencyUsdPerDay + provisionedPollersUsdPerDay + kinesisShardsUsdPerDay;
    }

    public double usdPerMonth() {
        return usdPerDay() * HOURS_PER_MONTH / 24;
    }

    /** The whole days a stack is deployed for traffic lasting {@code millis}: rounded up, at least one. */
    public static long deployedDays(long millis) {
        return Math.max(1, (Math.max(0, millis) + MILLIS_PER_DAY - 1) / MILLIS_PER_DAY);
    }
}
