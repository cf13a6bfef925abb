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
        load          play real games against running nodes over WebSocket and measure (docs/BENCHMARKS.md):
                        --url http://127.0.0.1:8080[,…] --games N --seconds T [--warmup W] [--spread cross|owner]
                        [--admin-url U[,…]: each node's admin server, default its port + 1000]
                        [--echo-url http://127.0.0.1:9090] [--threads K] [--out target/load/run.json]
                        [--floor paced|saturated: with --echo-url, also the run's socket traffic alone on the echo server]
        sweep         one load run per games count (--games 10,50,100,200) and a PNG plot (--plot file.png)
        idle          open --games N games and the sockets of --socket-games M of them; heap per game and socket
                        [--server-pid PID: a full GC before each heap reading]
        echo          a bare WebSocket echo server, the ceiling (and the floor) for load runs: --port N [--instances K]
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
      case "load" -> LoadCommand.load(Arrays.copyOfRange(args, 1, args.length));
      case "sweep" -> LoadCommand.sweep(Arrays.copyOfRange(args, 1, args.length));
      case "idle" -> LoadCommand.idle(Arrays.copyOfRange(args, 1, args.length));
      case "echo" -> LoadCommand.echo(Arrays.copyOfRange(args, 1, args.length));
      case "verify" -> System.exit(VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
      default -> {
        System.err.print(USAGE);
        System.exit(2);
      }
    }
  }
}
