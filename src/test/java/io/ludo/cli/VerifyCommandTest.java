package io.ludo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify sub-command's exit codes: 0 all right (see FairnessTest), 1 a discrepancy, 2 bad usage. */
class VerifyCommandTest {

  private static int run(ByteArrayOutputStream err, String... args) {
    return VerifyCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void givenMissingArguments_whenRun_thenItPrintsItsUsageAndExits2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "--events", "e.json"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: verify"));
    assertEquals(2, run(new ByteArrayOutputStream(), "--events", "e", "--fairness", "f", "--certificate", "c", "--keys", "k"));
  }

  @Test
  void givenAnUnreadableOrEmptyRecord_whenRun_thenItNamesTheProblemAndExits1(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"events\":[]}");
    Path obj = Files.writeString(dir.resolve("obj.json"), "{}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, run(err, "--events", dir.resolve("missing.json").toString(), "--fairness", obj.toString(),
        "--certificate", obj.toString(), "--jwks", obj.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("FAIL: cannot read events"), err.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream err2 = new ByteArrayOutputStream();
    assertEquals(1, run(err2, "--events", empty.toString(), "--fairness", obj.toString(),
        "--certificate", obj.toString(), "--jwks", obj.toString()));
    assertEquals("FAIL: the events document has no events", err2.toString(StandardCharsets.UTF_8).trim());
  }
}
