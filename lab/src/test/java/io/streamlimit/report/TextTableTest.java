package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void aligns_columns_under_a_rule_without_trailing_spaces() {
        String table = TextTable.format(List.of(
                new String[] {"Name", "Count", "Note"},
                new String[] {"a", "1", "x"},
                new String[] {"longer", "12345", ""}), new boolean[] {false, true, false});

        assertThat(table).isEqualTo("""
                Name    Count  Note
                ------  -----  ----
                a           1  x
                longer  12345
                """);
    }

    @Test
    void a_line_of_the_wrong_width_is_refused() {
        assertThatThrownBy(() -> TextTable.format(List.<String[]>of(new String[] {"a", "b"}), new boolean[] {false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a line has 2 cells, the table 1 columns");
    }
}
