package io.streamlimit.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" list of {@code streamlimit help}: each command with the first sentence of its
 * description, whole and wrapped. picocli's own list shows the first line of the description as
 * written in the source, which ends wherever the source line ends, often mid-sentence.
 */
final class CommandSummaries implements CommandLine.IHelpSectionRenderer {

    /** Installs the list on {@code cli}. */
    static void install(CommandLine cli) {
        cli.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandSummaries());
    }

    @Override
    public String render(Help help) {
        Map<String, Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        TextTable table = TextTable.forColumnWidths(help.colorScheme(), 2 + nameWidth,
                help.commandSpec().usageMessage().width() - 2 - nameWidth);
        for (Map.Entry<String, Help> command : commands.entrySet()) {
            table.addRowValues("  " + command.getKey(), summary(command.getValue()));
        }
        return table.toString();
    }

    /** The command's header where it has one (as picocli's help command does), else its description's first sentence. */
    static String summary(Help command) {
        String header = command.header().strip();
        return firstSentence(new String[] {header.isEmpty() ? command.description() : header});
    }

    /** The description's lines joined, up to the end of its first sentence (a full stop followed by a space, or the end). */
    static String firstSentence(String[] description) {
        String text = String.join(" ", description).replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
