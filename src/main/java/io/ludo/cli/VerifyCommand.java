package io.ludo.cli;

import io.ludo.verify.RecordVerifier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar ludo-server.jar verify --events events.json --fairness fairness.json
 * --certificate cert.json --jwks jwks.json}: checks a finished game offline from its public record
 * (docs/FAIRNESS.md). Exit 0 when everything holds, 1 with the first discrepancy, 2 on bad usage.
 */
public final class VerifyCommand {
  static final String USAGE =
      "usage: verify --events events.json --fairness fairness.json --certificate cert.json --jwks jwks.json";
  private static final List<String> FILES = List.of("events", "fairness", "certificate", "jwks");

  private VerifyCommand() {}

  /** Runs the verifier on {@code args} (without the sub-command's name); answers the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> named = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--") || !FILES.contains(args[i].substring(2))) {
        err.println(USAGE);
        return 2;
      }
      named.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0 || !named.keySet().containsAll(FILES)) {
      err.println(USAGE);
      return 2;
    }
    Map<String, JsonObject> docs = new HashMap<>();
    for (String name : FILES) {
      try {
        docs.put(name, new JsonObject(Files.readString(Path.of(named.get(name)))));
      } catch (IOException | RuntimeException e) {
        err.println("FAIL: cannot read " + name + " from " + named.get(name) + ": " + e.getMessage());
        return 1;
      }
    }
    RecordVerifier.Result result = RecordVerifier.verify(docs.get("events"), docs.get("fairness"),
        docs.get("certificate"), docs.get("jwks"));
    if (result.ok()) {
      out.println("OK: " + result.message());
      return 0;
    }
    err.println("FAIL: " + result.message());
    return 1;
  }
}
