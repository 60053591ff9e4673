package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls charts and their parts out of report HTML (or Chromium's dumped DOM) for assertions. */
final class Svg {

    private Svg() {
    }

    /** The whole {@code <svg ...>...</svg>} element with this id. */
    static String chart(String html, String id) {
        int open = html.indexOf("<svg id=\"" + id + "\"");
        assertThat(open).as("an <svg> with id %s", id).isNotNegative();
        int close = html.indexOf("</svg>", open);
        assertThat(close).as("the end of the <svg> %s", id).isPositive();
        return html.substring(open, close + "</svg>".length());
    }

    /** The {@code d} attribute of the chart's path with this class. */
    static String pathData(String svg, String cssClass) {
        Matcher matcher = Pattern.compile("<path class=\"" + cssClass + "\" d=\"([^\"]*)\"").matcher(svg);
        assertThat(matcher.find()).as("a path of class %s", cssClass).isTrue();
        return matcher.group(1);
    }

    static int attribute(String svg, String name) {
        Matcher matcher = Pattern.compile(name + "=\"(\\d+)\"").matcher(svg);
        assertThat(matcher.find()).as("attribute %s", name).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** The numbers labelling the y axis, bottom to top. */
    static List<String> yTickLabels(String svg) {
        String axis = svg.substring(svg.indexOf("<g class=\"axis y-axis\">"), svg.indexOf("<g class=\"axis x-axis\">"));
        Matcher matcher = Pattern.compile("dominant-baseline=\"middle\">(\\d+)</text>").matcher(axis);
        List<String> labels = new ArrayList<>();
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        return labels;
    }

    static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
