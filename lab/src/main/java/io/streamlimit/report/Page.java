package io.streamlimit.report;

import io.streamlimit.metrics.Metric;
import io.streamlimit.metrics.RunMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The parts both reports share: the page frame with its inline stylesheet, and the metrics table. */
final class Page {

    private static final String STYLE = """
            body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 24px; }
            h1 { font-size: 22px; margin: 0 0 4px; }
            h2 { font-size: 17px; margin: 28px 0 8px; }
            .meta { color: #555; margin: 0 0 12px; }
            table.metrics { border-collapse: collapse; }
            table.metrics th, table.metrics td { padding: 3px 12px; border-bottom: 1px solid #e3e3e3; }
            table.metrics th { text-align: left; font-weight: 500; }
            table.metrics thead th { font-weight: 600; border-bottom: 2px solid #bbb; }
            table.metrics td { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 0 0 16px; }
            .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 8px 16px; }
            .panels figure { margin: 0; }
            figcaption { color: #555; font-size: 12px; }
            pre.configuration { background: #f6f8fa; padding: 12px; overflow: auto; font-size: 12px; }
            svg.chart { display: block; max-width: 100%; height: auto; font-size: 11px; }
            svg.chart .plot { fill: #fcfcfc; stroke: #ddd; }
            svg.chart .chart-title { font-size: 13px; font-weight: 600; fill: #222; }
            svg.chart .axis line { stroke: #888; }
            svg.chart .axis line.grid { stroke: #eee; }
            svg.chart .axis text { fill: #555; }
            svg.chart .series { fill: none; stroke-width: 1.5; }
            svg.chart .area { stroke: none; opacity: 0.25; }
            svg.chart .band { stroke: none; opacity: 0.18; }
            svg.chart-empty .no-data { font-weight: 400; fill: #777; }
            svg.chart .limit { stroke: #d62728; stroke-width: 1.5; stroke-dasharray: 6 4; }
            svg.chart .limit-label { fill: #d62728; }
            svg.chart-inserts .series { stroke: #1f77b4; } svg.chart-inserts .area, svg.chart-inserts .band { fill: #1f77b4; }
            svg.chart-busy .series { stroke: #2ca02c; } svg.chart-busy .area, svg.chart-busy .band { fill: #2ca02c; }
            svg.chart-throttles .series { stroke: #ff7f0e; } svg.chart-throttles .area, svg.chart-throttles .band { fill: #ff7f0e; }
            svg.chart-dlq .series { stroke: #9467bd; } svg.chart-dlq .area, svg.chart-dlq .band { fill: #9467bd; }
            svg.chart-redeliveries .series { stroke: #8c564b; } svg.chart-redeliveries .area, svg.chart-redeliveries .band { fill: #8c564b; }
            svg.chart-completed .series { stroke: #17becf; } svg.chart-completed .area, svg.chart-completed .band { fill: #17becf; }
            svg.chart-backlog .series { stroke: #e377c2; } svg.chart-backlog .area, svg.chart-backlog .band { fill: #e377c2; }
            svg.chart .twin { fill: none; stroke: #ff7f0e; stroke-width: 2.5; }
            svg.chart .legend-label { fill: #333; }
            """;

    private Page() {
    }

    static String frame(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /** The metrics, one row per metric and one column per run; rows carry their JSON key. */
    static String metricsTable(List<String> headers, List<RunMetrics> runs) {
        StringBuilder html = new StringBuilder("<table class=\"metrics\" id=\"metrics-table\">\n<thead><tr><th>Metric</th>");
        for (String header : headers) {
            html.append("<th>").append(Html.escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Metric metric : Metric.values()) {
            html.append("<tr data-key=\"").append(metric.jsonKey()).append("\"><th>")
                    .append(Html.escape(metric.label())).append("</th>");
            for (RunMetrics run : runs) {
                html.append("<td>").append(Html.escape(metric.display(run))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    static Path write(Path file, String html) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
