package io.ludo.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A setting that cannot be used stops the load at once with one line naming it and what it expects. */
class ConfigValidationTest {
  private static final Path BUNDLED = Path.of("no-such-config.json");

  @ParameterizedTest(name = "{0}=''{1}''")
  @CsvSource(delimiter = ';', value = {
      "LUDO_RATE_LIMIT_COMMANDS_PER_S;'';LUDO_RATE_LIMIT_COMMANDS_PER_S must be an integer from 0 to 2147483647 (not \"\")",
      "LUDO_RATE_LIMIT_REQUESTS_PER_S;-1  ;LUDO_RATE_LIMIT_REQUESTS_PER_S must be an integer from 0 to 2147483647 (not \"-1\")",
      "LUDO_HTTP_PORT;65536               ;LUDO_HTTP_PORT must be an integer from 0 to 65535 (not \"65536\")",
      "LUDO_DB_POOL_SIZE;eight            ;LUDO_DB_POOL_SIZE must be an integer from 1 to 1000 (not \"eight\")",
      "LUDO_JWT_TTL_S;99999999999         ;LUDO_JWT_TTL_S must be an integer from 1 to 2147483647 (not \"99999999999\")",
      "LUDO_VALIDATOR_POLICY;maybe        ;LUDO_VALIDATOR_POLICY must be one of fail-closed, fail-open (not \"maybe\")",
      "LUDO_CLUSTER_DISCOVERY;dns         ;LUDO_CLUSTER_DISCOVERY must be one of tcp, multicast (not \"dns\")",
      "LUDO_CLUSTERED;yes                 ;LUDO_CLUSTERED must be one of true, false (not \"yes\")",
      "LUDO_VALIDATOR_URL;localhost:9000  ;LUDO_VALIDATOR_URL must be empty or a URL starting http:// or https:// (not \"localhost:9000\")",
      "LUDO_REDIS_URL;http://cache:6379   ;LUDO_REDIS_URL must be empty or a URL starting redis:// or rediss://",
      "LUDO_DB_URL;postgresql://a b       ;LUDO_DB_URL must be empty or a URL starting postgresql:// or postgres://",
      "LUDO_CLUSTER_MEMBERS;10.0.0.1      ;LUDO_CLUSTER_MEMBERS must be a comma-separated list of host:port (not \"10.0.0.1\")",
      "LUDO_TEST_DICE;seed:x              ;LUDO_TEST_DICE must be empty, seed:N or script:d,d,… (not \"seed:x\")",
  })
  void givenABadValue_whenTheConfigurationLoads_thenOneLineNamesTheVariableAndWhatItExpects(
      String variable, String value, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> Config.load(BUNDLED, Map.of(variable, value)));
    assertEquals(message, e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void givenGoodValues_whenTheConfigurationLoads_thenTheyAreTakenWithTheirTypes() throws Exception {
    Config c = Config.load(BUNDLED, Map.of("LUDO_RATE_LIMIT_COMMANDS_PER_S", " 20 ", "LUDO_CLUSTERED", "false",
        "LUDO_VALIDATOR_URL", "https://validator.example/", "LUDO_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701",
        "LUDO_TEST_DICE", "script:6, 3"));
    assertEquals(20, c.integer(ConfigKey.RATE_LIMIT_COMMANDS_PER_S));
    assertEquals(false, c.bool(ConfigKey.CLUSTERED));
    assertEquals("https://validator.example/", c.string(ConfigKey.VALIDATOR_URL));
  }

  @Test
  void givenTheBundledDefaults_whenNothingIsOverridden_thenEveryDefaultPassesItsOwnCheck() throws Exception {
    assertEquals(8, Config.load(BUNDLED, Map.of()).integer(ConfigKey.DB_POOL_SIZE));
  }
}
