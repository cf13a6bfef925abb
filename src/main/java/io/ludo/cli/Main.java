package io.ludo.cli;

import io.ludo.bots.Tournament;
import io.ludo.conformance.ConformanceRunner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The entry point of {@code ludo-server.jar}: one sub-command per tool. */
public final class Main {
  private static final String USAGE = """
      usage: java -jar ludo-server.jar <command>
        node          start a server node (the default): conf/config.json, overridden by LUDO_* variables
        services      run only the embedded Postgres and Redis that several local nodes share
        conformance   run the RULES.md conformance runner: JSON lines on stdin, results on stdout
        tournament    play seeded games between bots and report win rates (see docs/BOTS.md)
        verify        check a finished game offline from its public record (see docs/FAIRNESS.md):
                      verify --events events.json --fairness fairness.json --certificate cert.json --jwks jwks.json
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "node" : args[0];
    switch (command) {
      case "node" -> NodeCommand.run();
      case "services" -> ServicesCommand.run();
      case "conformance" -> ConformanceRunner.run(
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
      case "tournament" -> Tournament.main(Arrays.copyOfRange(args, 1, args.length));
      case "verify" -> System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      default -> {
        System.err.print(USAGE);
        System.exit(2);
      }
    }
  }
}
