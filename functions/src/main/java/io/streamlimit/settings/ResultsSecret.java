package io.streamlimit.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.consumer.ResultsConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The results database's connection from the value of a Secrets Manager secret in the format
 * RDS and the CDK's {@code DatabaseSecret} write:
 *
 * <pre>{"engine":"postgres","host":"db.example.com","port":5432,"username":"u","password":"p","dbname":"results"}</pre>
 *
 * <p>{@code host}, {@code username} and {@code password} are required; {@code port} (a number or a
 * numeric string) defaults to {@value #DEFAULT_PORT}, {@code dbname} to {@value #DEFAULT_DBNAME},
 * and {@code engine}, if present, must be a PostgreSQL one. Other keys are ignored. Pure: the
 * caller fetches the secret. Error messages name the variable and the missing or bad key, never a
 * value from the secret.
 */
public final class ResultsSecret {

    public static final String VARIABLE = "RESULTS_SECRET_NAME";
    static final int DEFAULT_PORT = 5432;
    static final String DEFAULT_DBNAME = "postgres";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> POSTGRES_ENGINES = Set.of("postgres", "postgresql", "aurora-postgresql");
    /** A host name or an IPv4/IPv6 address: nothing that could change the URL's meaning. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");

    private ResultsSecret() {
    }

    /**
     * @param secretName the secret's name, for messages
     * @param secretString its {@code SecretString}
     * @throws SettingsException naming {@value #VARIABLE} and what is missing or wrong
     */
    public static ResultsConnection parse(String secretName, String secretString) {
        JsonNode secret = readObject(secretName, secretString);
        String engine = optionalText(secretName, secret, "engine");
        if (engine != null && !POSTGRES_ENGINES.contains(engine.toLowerCase(Locale.ROOT))) {
            throw problem(secretName, "'engine' must be postgres (the results database is PostgreSQL)");
        }
        String host = requiredText(secretName, secret, "host");
        if (!HOST.matcher(host).matches()) {
            throw problem(secretName, "'host' must be a host name or an IP address");
        }
        int port = port(secretName, secret.get("port"));
        String user = requiredText(secretName, secret, "username");
        String password = requiredText(secretName, secret, "password");
        String dbname = optionalText(secretName, secret, "dbname");
        String url = "jdbc:postgresql://" + bracketed(host) + ":" + port + "/"
                + URLEncoder.encode(dbname == null ? DEFAULT_DBNAME : dbname, StandardCharsets.UTF_8);
        return new ResultsConnection(url, user, password);
    }

    private static JsonNode readObject(String secretName, String secretString) {
        if (secretString == null || secretString.isBlank()) {
            throw problem(secretName, "is empty; it must hold the RDS format"
                    + " {\"engine\":\"postgres\",\"host\":...,\"port\":5432,\"username\":...,\"password\":...,\"dbname\":...}");
        }
        JsonNode secret;
        try {
            secret = JSON.readTree(secretString);
        } catch (JsonProcessingException e) {
            // The parser's message may quote the secret: never pass it on.
            secret = null;
        }
        if (secret == null || !secret.isObject()) {
            throw problem(secretName, "is not a JSON object; it must hold the RDS format"
                    + " {\"engine\":\"postgres\",\"host\":...,\"port\":5432,\"username\":...,\"password\":...,\"dbname\":...}");
        }
        return secret;
    }

    private static String requiredText(String secretName, JsonNode secret, String key) {
        String value = optionalText(secretName, secret, key);
        if (value == null) {
            throw problem(secretName, "has no '" + key + "'");
        }
        return value;
    }

    /** A string value; absent, null or blank count as missing. */
    private static String optionalText(String secretName, JsonNode secret, String key) {
        JsonNode node = secret.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw problem(secretName, "'" + key + "' must be a string");
        }
        String value = node.asText();
        if (value.isBlank()) {
            return null;
        }
        // Host names and user names are not padded; passwords are taken exactly as stored.
        return "password".equals(key) ? value : value.trim();
    }

    private static int port(String secretName, JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_PORT;
        }
        int port = -1;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            port = node.intValue();
        } else if (node.isTextual() && node.asText().trim().matches("\\d{1,5}")) {
            port = Integer.parseInt(node.asText().trim());
        }
        if (port < 1 || port > 65_535) {
            throw problem(secretName, "'port' must be a port number from 1 to 65535");
        }
        return port;
    }

    /** IPv6 literals go in brackets in a URL. */
    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static SettingsException problem(String secretName, String what) {
        String separator = what.startsWith("'") ? ": " : " ";
        return new SettingsException(VARIABLE, "secret " + secretName + separator + what);
    }
}
