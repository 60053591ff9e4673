package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Partition key to shard as Kinesis does it: MD5 to a 128-bit hash key, the range split evenly. */
class KinesisShardsTest {

    @ParameterizedTest(name = "{0} -> shard {2} of {1}")
    @CsvSource({
            // partition key, shards, shard (hash keys from Python's hashlib.md5, an independent MD5)
            "user-1,    1, 0",
            "user-1,    2, 1",
            "user-1,    3, 2",
            "user-1,    4, 3",
            "user-1,    7, 5",
            "user-2,    2, 0",
            "user-2,    7, 1",
            "player-42, 4, 3",
            "a,         7, 0",
    })
    void the_md5_hash_key_picks_the_shard_whose_even_range_holds_it(String key, int shards, int shard) {
        assertThat(new KinesisShards(shards).shardOf(key)).isEqualTo(shard);
    }

    @Test
    void the_hash_key_is_the_unsigned_md5_digest() {
        assertThat(KinesisShards.hashKey("user-1")).isEqualTo(new BigInteger("285573413173782752570879317399258818820"));
        assertThat(KinesisShards.hashKey("a")).isEqualTo(new BigInteger("16955237001963240173058271559858726497"));
    }

    @Test
    void the_ranges_cover_every_hash_key_once_the_last_taking_the_remainder() {
        KinesisShards three = new KinesisShards(3);
        BigInteger third = KinesisShards.HASH_KEYS.divide(BigInteger.valueOf(3));

        assertThat(three.startingHashKey(0)).isZero();
        assertThat(three.endingHashKey(0)).isEqualTo(third.subtract(BigInteger.ONE));
        assertThat(three.startingHashKey(1)).isEqualTo(third);
        assertThat(three.startingHashKey(2)).isEqualTo(third.shiftLeft(1));
        assertThat(three.endingHashKey(2)).isEqualTo(KinesisShards.HASH_KEYS.subtract(BigInteger.ONE));
        assertThat(three.shardOfHashKey(KinesisShards.HASH_KEYS.subtract(BigInteger.ONE))).isEqualTo(2);
        assertThat(three.shardOfHashKey(third.subtract(BigInteger.ONE))).isZero();
        assertThat(three.shardOfHashKey(third)).isEqualTo(1);
    }

    @Test
    void shard_ids_are_named_as_kinesis_names_them_and_bad_input_is_refused() {
        assertThat(KinesisShards.shardId(0)).isEqualTo("shardId-000000000000");
        assertThat(KinesisShards.shardId(12)).isEqualTo("shardId-000000000012");
        assertThatThrownBy(() -> new KinesisShards(0)).hasMessage("shards: must be above 0, got 0");
        assertThatThrownBy(() -> new KinesisShards(2).startingHashKey(2)).hasMessage("shard: must be 0 to 1, got 2");
        assertThatThrownBy(() -> new KinesisShards(2).shardOfHashKey(KinesisShards.HASH_KEYS))
                .hasMessageStartingWith("hashKey: must be 0 to 2^128 - 1");
        assertThatThrownBy(() -> new KinesisShards(2).shardOf(null)).hasMessage("partitionKey: is required");
    }
}
