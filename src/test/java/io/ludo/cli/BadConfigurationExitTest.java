package io.ludo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ludo-server.jar node} with a setting it cannot use says so in one line and exits 2, before starting anything. */
class BadConfigurationExitTest {

  @Test
  void givenAnEmptyCommandRateLimit_whenANodeStarts_thenItPrintsOneLineAndExits2WithoutAStackTrace() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder node = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    node.environment().put("LUDO_RATE_LIMIT_COMMANDS_PER_S", "");
    Process process = node.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the node stops at once");
    List<String> stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, process.exitValue());
    assertEquals(List.of("LUDO_RATE_LIMIT_COMMANDS_PER_S must be an integer from 0 to 2147483647 (not \"\")"), stderr);
  }
}
