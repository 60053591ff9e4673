package io.streamlimit.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.consumer.ResultsConnection;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The RDS secret format to a JDBC URL and credentials, without AWS. */
class ResultsSecretTest {

    private static final String NAME = "streamlimit/results";
    private static final String PASSWORD = "s3cr3t-Pa55";

    @Test
    void the_rds_format_gives_the_url_and_the_credentials_apart_from_it() {
        ResultsConnection connection = ResultsSecret.parse(NAME, """
                {"engine":"postgres","host":"results.abc123.eu-west-1.rds.amazonaws.com","port":5432,
                 "username":"lab","password":"%s","dbname":"results","dbInstanceIdentifier":"results"}
                """.formatted(PASSWORD));

        assertThat(connection.jdbcUrl()).isEqualTo("jdbc:postgresql://results.abc123.eu-west-1.rds.amazonaws.com:5432/results");
        Properties expected = new Properties();
        expected.setProperty("user", "lab");
        expected.setProperty("password", PASSWORD);
        assertThat(connection.connectionProperties()).isEqualTo(expected);
        assertThat(connection.toString()).doesNotContain(PASSWORD).doesNotContain("lab");
    }

    @Test
    void port_and_dbname_have_defaults_and_a_string_port_is_read() {
        assertThat(ResultsSecret.parse(NAME, "{\"host\":\"db\",\"username\":\"u\",\"password\":\"p\"}").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:5432/postgres");
        assertThat(ResultsSecret.parse(NAME, "{\"host\":\"db\",\"port\":\"6543\",\"username\":\"u\",\"password\":\"p\"}").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:6543/postgres");
    }

    @Test
    void an_ipv6_host_is_bracketed_and_the_dbname_is_encoded() {
        assertThat(ResultsSecret.parse(NAME, """
                {"engine":"aurora-postgresql","host":"::1","port":5433,"username":"u","password":"p","dbname":"lab results/1"}
                """).jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/lab+results%2F1");
    }

    @Test
    void the_password_is_taken_exactly_as_stored() {
        ResultsConnection connection = ResultsSecret.parse(NAME, "{\"host\":\"db\",\"username\":\" u \",\"password\":\" p&q= \"}");

        assertThat(connection.connectionProperties().getProperty("user")).isEqualTo("u");
        assertThat(connection.connectionProperties().getProperty("password")).isEqualTo(" p&q= ");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"port\":5432,\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results has no 'host'",
            "{\"host\":\" \",\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results has no 'host'",
            "{\"host\":\"db\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results has no 'username'",
            "{\"host\":\"db\",\"username\":\"u\"}|RESULTS_SECRET_NAME: secret streamlimit/results has no 'password'",
            "{\"host\":\"db\",\"username\":\"u\",\"password\":null}|RESULTS_SECRET_NAME: secret streamlimit/results has no 'password'",
            "{\"engine\":\"mysql\",\"host\":\"db\",\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results: 'engine' must be postgres",
            "{\"host\":\"db\",\"port\":0,\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results: 'port' must be a port number from 1 to 65535",
            "{\"host\":\"db\",\"port\":\"fivefourthree\",\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results: 'port' must be a port number",
            "{\"host\":\"db\",\"port\":70000,\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results: 'port' must be a port number",
            "{\"host\":\"db/x?ssl=PW\",\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results: 'host' must be a host name or an IP address",
            "{\"host\":5432,\"username\":\"u\",\"password\":\"PW\"}|RESULTS_SECRET_NAME: secret streamlimit/results: 'host' must be a string",
            "`jdbc:postgresql://db/results?password=PW`|RESULTS_SECRET_NAME: secret streamlimit/results is not a JSON object",
            "`{\"host\":\"db\",\"password\":\"PW\"`|RESULTS_SECRET_NAME: secret streamlimit/results is not a JSON object",
            "`[\"PW\"]`|RESULTS_SECRET_NAME: secret streamlimit/results is not a JSON object",
            "` `|RESULTS_SECRET_NAME: secret streamlimit/results is empty"})
    void a_secret_it_cannot_use_is_refused_naming_the_variable_and_the_key_but_no_value(String secret, String message) {
        assertThatThrownBy(() -> ResultsSecret.parse(NAME, secret))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(message)
                .message().doesNotContain("PW");
    }

    @Test
    void a_missing_secret_string_is_refused() {
        assertThatThrownBy(() -> ResultsSecret.parse(NAME, null))
                .hasMessageStartingWith("RESULTS_SECRET_NAME: secret streamlimit/results is empty");
    }
}
