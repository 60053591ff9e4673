package io.streamlimit.dashboards;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands a panel's SQL the way Grafana does before PostgreSQL sees it, in Grafana's order:
 *
 * <ol>
 *   <li>Template variables, in the browser: {@code templateSrv.replace} with the SQL data
 *       sources' {@code interpolateVariable} as the default format (grafana/grafana
 *       {@code packages/grafana-sql/src/datasource/SqlDatasource.ts}): a single-value variable
 *       goes in as its text with {@code '} doubled and no quotes around it, a multi-value one as
 *       a comma-separated list of quoted literals; an explicit format such as
 *       {@code ${runs:sqlstring}} uses {@code formatRegistry.ts}. Names follow
 *       {@code variableRegex} ({@code public/app/features/variables/utils.ts}); an unknown
 *       name is left as written.</li>
 *   <li>The global SQL macros, in the backend ({@code sqleng.Interpolate} in
 *       {@code pkg/tsdb/grafana-postgresql-datasource/sqleng/sql_engine.go}):
 *       {@code $__interval_ms}, {@code $__interval}, {@code $__unixEpochFrom()},
 *       {@code $__unixEpochTo()}.</li>
 *   <li>The PostgreSQL macros ({@code pkg/tsdb/grafana-postgresql-datasource/macros.go}):
 *       {@code $__timeFilter(c)} is {@code c BETWEEN '<from>' AND '<to>'} with RFC 3339 UTC
 *       times (nanoseconds, trailing zeros dropped), {@code $__timeGroup(c, 1s)} is
 *       {@code floor(extract(epoch from c)/1)*1}, {@code $__timeGroupAlias} adds
 *       {@code AS "time"}, and so on. Arguments are split at commas and trimmed of spaces; a
 *       macro's argument list ends at the first {@code )}.</li>
 * </ol>
 *
 * <p>Fill modes ({@code $__timeGroup(c, 1s, 0)}) are applied by Grafana to the result, not in
 * SQL, so they are refused here rather than silently ignored.
 */
final class GrafanaMacros {

    /** A dashboard variable's current value(s) and the flags that decide how it is quoted. */
    record Variable(String name, List<String> values, boolean multi, boolean includeAll) {

        Variable {
            values = List.copyOf(values);
        }

        static Variable single(String name, String value) {
            return new Variable(name, List.of(value), false, false);
        }

        static Variable multi(String name, List<String> values) {
            return new Variable(name, values, true, false);
        }
    }

    /** {@code variableRegex} from Grafana's {@code public/app/features/variables/utils.ts}. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");

    /** {@code sExpr} from Grafana's PostgreSQL {@code macros.go}. */
    private static final Pattern MACRO = Pattern.compile("\\$([_a-zA-Z0-9]+)\\(([^)]*)\\)");

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Instant from;
    private final Instant to;
    private final Duration interval;
    private final Map<String, Variable> variables;

    GrafanaMacros(Instant from, Instant to, Duration interval, Map<String, Variable> variables) {
        this.from = from;
        this.to = to;
        this.interval = interval;
        this.variables = Map.copyOf(variables);
    }

    /** The SQL PostgreSQL receives for a panel query. */
    String sql(String rawSql) {
        return postgresMacros(globalMacros(templateVariables(rawSql, Map.of(), true)));
    }

    /**
     * A dashboard or data link's URL: template variables with Grafana's default format for
     * links (a single value as is), plus the link's own values such as {@code __value.raw} or
     * {@code __data.fields.zoom_to_ms}.
     */
    String url(String url, Map<String, String> linkValues) {
        return templateVariables(url, linkValues, false);
    }

    // ------------------------------------------------------------------ 1. template variables

    private String templateVariables(String text, Map<String, String> linkValues, boolean sqlDataSource) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = first(m.group(1), m.group(2), m.group(4));
            String fieldPath = m.group(5);
            String format = first(m.group(3), m.group(6), null);
            String replacement = replaceVariable(m.group(), name, fieldPath, format, linkValues, sqlDataSource);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String replaceVariable(String match, String name, String fieldPath, String format,
            Map<String, String> linkValues, boolean sqlDataSource) {
        String scoped = fieldPath == null ? name : name + "." + fieldPath;
        if (linkValues.containsKey(scoped)) {
            return format(List.of(linkValues.get(scoped)), false, format == null ? "raw" : format, "scoped");
        }
        if (name.equals("__interval")) {
            return formatInterval(interval);
        }
        if (name.equals("__interval_ms")) {
            return Long.toString(interval.toMillis());
        }
        Variable variable = variables.get(name);
        if (variable == null) {
            return match; // Grafana leaves what is not a variable, such as $__timeFilter, as written
        }
        if (format != null) {
            return format(variable.values(), variable.multi() || variable.includeAll(), format, name);
        }
        return sqlDataSource ? interpolateSqlVariable(variable) : format(variable.values(), variable.multi(), "glob", name);
    }

    /** {@code SqlDatasource.interpolateVariable} with PostgreSQL's {@code quoteLiteral}. */
    private static String interpolateSqlVariable(Variable variable) {
        if (variable.multi() || variable.includeAll()) {
            return variable.values().stream().map(GrafanaMacros::quoteLiteral).collect(Collectors.joining(","));
        }
        return variable.values().get(0).replace("'", "''");
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The formats of Grafana's {@code formatRegistry.ts} the dashboards may use. */
    private static String format(List<String> values, boolean array, String format, String name) {
        return switch (format) {
            case "sqlstring" -> values.stream().map(GrafanaMacros::quoteLiteral).collect(Collectors.joining(","));
            case "raw" -> String.join(",", values);
            case "csv" -> String.join(",", values);
            case "singlequote" -> values.stream().map(v -> "'" + v.replace("'", "\\'") + "'").collect(Collectors.joining(","));
            case "doublequote" -> values.stream().map(v -> "\"" + v.replace("\"", "\\\"") + "\"").collect(Collectors.joining(","));
            case "percentencode" -> encodeUriComponentStrict(array ? "{" + String.join(",", values) + "}" : values.get(0));
            case "queryparam" -> values.stream().map(v -> "var-" + name + "=" + encodeUriComponent(v))
                    .collect(Collectors.joining("&"));
            case "glob" -> array && values.size() > 1 ? "{" + String.join(",", values) + "}" : String.join(",", values);
            default -> throw new IllegalArgumentException("variable format not emulated: " + format);
        };
    }

    /** Grafana's {@code encodeURIComponentStrict}: {@code encodeURIComponent} that also escapes {@code !'()*}. */
    static String encodeUriComponentStrict(String value) {
        return encodeUriComponent(value).replace("!", "%21").replace("'", "%27").replace("(", "%28")
                .replace(")", "%29").replace("*", "%2A");
    }

    /** JavaScript's {@code encodeURIComponent}. */
    static String encodeUriComponent(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** {@code gtime.FormatInterval}: the largest whole unit. */
    static String formatInterval(Duration d) {
        Duration day = Duration.ofDays(1);
        Duration year = day.multipliedBy(365);
        if (d.compareTo(year) >= 0) {
            return d.dividedBy(year) + "y";
        }
        if (d.compareTo(day) >= 0) {
            return d.dividedBy(day) + "d";
        }
        if (d.compareTo(Duration.ofHours(1)) >= 0) {
            return d.toHours() + "h";
        }
        if (d.compareTo(Duration.ofMinutes(1)) >= 0) {
            return d.toMinutes() + "m";
        }
        if (d.compareTo(Duration.ofSeconds(1)) >= 0) {
            return d.toSeconds() + "s";
        }
        if (d.compareTo(Duration.ofMillis(1)) >= 0) {
            return d.toMillis() + "ms";
        }
        return "1ms";
    }

    // ------------------------------------------------------------------ 2. global macros

    private String globalMacros(String sql) {
        return sql.replace("$__interval_ms", Long.toString(interval.toMillis()))
                .replace("$__interval", formatInterval(interval))
                .replace("$__unixEpochFrom()", Long.toString(from.getEpochSecond()))
                .replace("$__unixEpochTo()", Long.toString(to.getEpochSecond()));
    }

    // ------------------------------------------------------------------ 3. PostgreSQL macros

    private String postgresMacros(String sql) {
        Matcher m = MACRO.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (name.equals("__timeGroup")) {
                // Pre-5.3 compatibility: a $__timeGroup directly followed by ',' gets AS "time".
                int index = sql.indexOf(m.group());
                if (index >= 0) {
                    index += m.group().length();
                    if (sql.length() > index && sql.charAt(index) == ',') {
                        name = "__timeGroupAlias";
                    }
                }
            }
            List<String> args = new ArrayList<>();
            for (String arg : m.group(2).split(",", -1)) {
                args.add(trimSpaces(arg));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(macro(name, args)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String macro(String name, List<String> args) {
        return switch (name) {
            case "__time" -> column(name, args) + " AS \"time\"";
            case "__timeEpoch" -> "extract(epoch from " + column(name, args) + ") as \"time\"";
            case "__timeFilter" -> column(name, args) + " BETWEEN '" + rfc3339Nano(from) + "' AND '" + rfc3339Nano(to) + "'";
            case "__timeFrom" -> "'" + rfc3339Nano(from) + "'";
            case "__timeTo" -> "'" + rfc3339Nano(to) + "'";
            case "__timeGroup" -> {
                String seconds = goFloat(groupInterval(name, args));
                yield "floor(extract(epoch from " + args.get(0) + ")/" + seconds + ")*" + seconds;
            }
            case "__timeGroupAlias" -> macro("__timeGroup", args) + " AS \"time\"";
            case "__unixEpochFilter" -> column(name, args) + " >= " + from.getEpochSecond() + " AND "
                    + args.get(0) + " <= " + to.getEpochSecond();
            case "__unixEpochNanoFilter" -> column(name, args) + " >= " + nanos(from) + " AND " + args.get(0) + " <= " + nanos(to);
            case "__unixEpochNanoFrom" -> nanos(from).toString();
            case "__unixEpochNanoTo" -> nanos(to).toString();
            case "__unixEpochGroup" -> {
                String seconds = goFloat(groupInterval(name, args));
                yield "floor((" + args.get(0) + ")/" + seconds + ")*" + seconds;
            }
            case "__unixEpochGroupAlias" -> macro("__unixEpochGroup", args) + " AS \"time\"";
            default -> throw new IllegalArgumentException("unknown macro \"" + name + "\"");
        };
    }

    private static String column(String name, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("missing time column argument for macro " + name);
        }
        return args.get(0);
    }

    private static double groupInterval(String name, List<String> args) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("macro " + name + " needs time column and interval and optional fill value");
        }
        if (args.size() == 3) {
            throw new UnsupportedOperationException("fill value in " + name + ": Grafana fills the result after the "
                    + "query, which this test does not emulate; fill in SQL instead");
        }
        Matcher m = INTERVAL.matcher(args.get(1).replace("'", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("error parsing interval " + args.get(1));
        }
        long n = Long.parseLong(m.group(1));
        long millis = switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1_000;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            case "d" -> n * 86_400_000;
            default -> n * 7 * 86_400_000; // w
        };
        return millis / 1000.0;
    }

    /** Go's {@code time.RFC3339Nano} in UTC: {@code 2026-01-01T00:00:00Z}, {@code ...:00.5Z}. */
    static String rfc3339Nano(Instant instant) {
        String text = SECONDS.format(instant);
        int nanos = instant.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            text += "." + fraction;
        }
        return text + "Z";
    }

    /** Go's {@code %v} of a float64 as the macros print intervals: 1, 0.5, 300. */
    static String goFloat(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal nanos(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).multiply(BigDecimal.valueOf(1_000_000_000L))
                .add(BigDecimal.valueOf(instant.getNano()));
    }

    /** Go's {@code strings.Trim(arg, " ")}: spaces only, not tabs or newlines. */
    private static String trimSpaces(String arg) {
        int start = 0;
        int end = arg.length();
        while (start < end && arg.charAt(start) == ' ') {
            start++;
        }
        while (end > start && arg.charAt(end - 1) == ' ') {
            end--;
        }
        return arg.substring(start, end);
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
