package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A FIFO queue's groups, driven by a script of steps. A message is written group:id
 * ("a:1" is message 1 of group a, groups a=0, b=1, c=2). Steps, separated by spaces:
 * {@code send a:1}, {@code recv 3 -> a:1,a:2} (receive up to 3, expecting those in that order,
 * "-" for none), {@code del a:1}, {@code back a:1} (the visibility timeout ran out),
 * {@code dead 7} (message 7's receive count is spent: a receive moves it to the DLQ),
 * {@code active 2} (groups with messages waiting or in flight).
 */
class FifoGroupsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a receive takes as many of one group as it can, in order, then the next group"
                    + " | send a:1; send b:2; send a:3; send c:4; recv 10 -> a:1,a:3,b:2,c:4; active 3",
            "a group is blocked while one of its messages is in flight"
                    + " | send a:1; send a:2; send b:3; recv 1 -> a:1; recv 10 -> b:3; recv 10 -> -",
            "the next receive returns the unblocked groups only"
                    + " | send a:1; recv 1 -> a:1; send a:2; send b:3; recv 10 -> b:3; del a:1; recv 10 -> a:2",
            "a group unblocks when its last message in flight is deleted, not before"
                    + " | send a:1; send a:2; recv 10 -> a:1,a:2; del a:1; recv 10 -> -; del a:2; send a:3; recv 10 -> a:3",
            "a failed message comes back first, before any later message of its group"
                    + " | send a:1; send a:2; recv 1 -> a:1; send a:3; back a:1; recv 10 -> a:1,a:2,a:3",
            "a failed batch comes back in its order"
                    + " | send a:1; send a:2; send a:3; recv 10 -> a:1,a:2,a:3; del a:1; back a:2; back a:3; recv 10 -> a:2,a:3",
            "a message whose receives are spent goes to the DLQ and its group moves on"
                    + " | send a:1; send a:2; send b:3; recv 1 -> a:1; back a:1; dead 1; recv 10 -> b:3,a:2; active 2",
            "a group whose only messages go to the DLQ is no longer active"
                    + " | send a:1; recv 1 -> a:1; back a:1; dead 1; recv 10 -> -; active 0",
            "a full batch leaves the rest of its group blocked behind it"
                    + " | send a:1; send a:2; send a:3; send b:4; recv 2 -> a:1,a:2; recv 10 -> b:4; del a:1; del a:2; recv 10 -> a:3",
            "groups are served oldest-available first"
                    + " | send a:1; send b:2; recv 1 -> a:1; del a:1; send a:3; recv 10 -> b:2,a:3",
            "deleted messages leave: a drained group is inactive"
                    + " | send a:1; send b:2; active 2; recv 10 -> a:1,b:2; active 2; del a:1; active 1; del b:2; active 0",
    })
    void a_fifo_queue_returns_messages_group_by_group(String behaviour, String script) {
        FifoGroups groups = new FifoGroups();
        Set<Integer> dead = new HashSet<>();
        for (String step : script.split(";")) {
            String[] words = step.trim().split(" ");
            switch (words[0]) {
                case "send" -> groups.send(group(words[1]), id(words[1]));
                case "del" -> groups.deleted(group(words[1]), id(words[1]));
                case "back" -> groups.returned(group(words[1]), id(words[1]));
                case "dead" -> dead.add(Integer.parseInt(words[1]));
                case "active" -> assertThat(groups.activeGroups()).as(step).isEqualTo(Integer.parseInt(words[1]));
                case "recv" -> {
                    int[] out = new int[12];
                    int got = groups.receive(Integer.parseInt(words[1]), out, 1, dead::contains);
                    String expected = words[3];
                    String actual = got == 0 ? "-" : Arrays.stream(out, 1, 1 + got)
                            .mapToObj(id -> name(id, script)).collect(Collectors.joining(","));
                    assertThat(actual).as(step).isEqualTo(expected);
                }
                default -> throw new IllegalArgumentException(step);
            }
        }
    }

    @Test
    void visible_messages_count_blocked_groups_too() {
        FifoGroups groups = new FifoGroups();
        groups.send(0, 1);
        groups.send(0, 2);
        assertThat(groups.visibleMessages()).isEqualTo(2);
        assertThat(groups.receive(1, new int[1], 0, id -> false)).isEqualTo(1);
        assertThat(groups.visibleMessages()).isEqualTo(1);
        assertThat(groups.receivable()).isFalse();
        groups.returned(0, 1);
        assertThat(groups.visibleMessages()).isEqualTo(2);
        assertThat(groups.receivable()).isTrue();
    }

    @Test
    void a_delete_or_return_outside_flight_is_refused() {
        FifoGroups groups = new FifoGroups();
        groups.send(0, 1);
        assertThatThrownBy(() -> groups.deleted(0, 1)).hasMessage("group 0: has no message in flight");
        assertThatThrownBy(() -> groups.returned(5, 1)).hasMessage("group 5: has no message in flight");
        groups.receive(1, new int[1], 0, id -> false);
        assertThatThrownBy(() -> groups.deleted(0, 9)).hasMessage("message 9: not in group 0");
        assertThatThrownBy(() -> groups.receive(-1, new int[1], 0, id -> false))
                .hasMessage("max: must be 0 or more, got -1");
    }

    private static int group(String message) {
        return message.charAt(0) - 'a';
    }

    private static int id(String message) {
        return Integer.parseInt(message.substring(2));
    }

    /** The id's name as the script wrote it. */
    private static String name(int id, String script) {
        for (String token : script.split("[ ;,]")) {
            if (token.length() > 2 && token.charAt(1) == ':' && id(token) == id) {
                return token;
            }
        }
        return "?:" + id;
    }
}
