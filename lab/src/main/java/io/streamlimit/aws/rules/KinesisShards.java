package io.streamlimit.aws.rules;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which shard of a stream a record goes to. Documented: Kinesis hashes the partition key with MD5
 * to a 128-bit integer (the hash key) and writes the record to the shard whose hash key range
 * holds it; a stream created with n shards splits the range 0 to 2^128 - 1 evenly
 * (https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html,
 * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html). The project's
 * partition key is the event's {@code uid}, so one viewer's events stay in one shard, in order.
 * The last shard takes what an uneven division leaves, as CreateStream's ranges do.
 */
public final class KinesisShards {

    /** 2^128: the number of hash keys. */
    public static final BigInteger HASH_KEYS = BigInteger.ONE.shiftLeft(128);

    private final int shards;
    private final BigInteger width;

    public KinesisShards(int shards) {
        RuleChecks.positive("shards", shards);
        this.shards = shards;
        this.width = HASH_KEYS.divide(BigInteger.valueOf(shards));
    }

    public int count() {
        return shards;
    }

    /** The record's hash key: the partition key's MD5 digest as an unsigned 128-bit integer. */
    public static BigInteger hashKey(String partitionKey) {
        RuleChecks.required("partitionKey", partitionKey);
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** The shard (0 to count - 1) whose range holds the partition key's hash key. */
    public int shardOf(String partitionKey) {
        return shardOfHashKey(hashKey(partitionKey));
    }

    /** The shard whose range holds {@code hashKey}. */
    public int shardOfHashKey(BigInteger hashKey) {
        if (hashKey.signum() < 0 || hashKey.compareTo(HASH_KEYS) >= 0) {
            throw new IllegalArgumentException("hashKey: must be 0 to 2^128 - 1, got " + hashKey);
        }
        return Math.min(shards - 1, hashKey.divide(width).intValueExact());
    }

    /** The first hash key of a shard's range (StartingHashKey). */
    public BigInteger startingHashKey(int shard) {
        check(shard);
        return width.multiply(BigInteger.valueOf(shard));
    }

    /** The last hash key of a shard's range (EndingHashKey). */
    public BigInteger endingHashKey(int shard) {
        check(shard);
        return shard == shards - 1 ? HASH_KEYS.subtract(BigInteger.ONE) : startingHashKey(shard + 1).subtract(BigInteger.ONE);
    }

    /** The shard's id as Kinesis names it: {@code shardId-000000000000} for the first. */
    public static String shardId(int shard) {
        RuleChecks.nonNegative("shard", shard);
        return String.format("shardId-%012d", shard);
    }

    private void check(int shard) {
        if (shard < 0 || shard >= shards) {
            throw new IllegalArgumentException("shard: must be 0 to " + (shards - 1) + ", got " + shard);
        }
    }
}
