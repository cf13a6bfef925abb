package io.ludo.cli;

import io.ludo.load.EchoServer;
import io.ludo.load.IdleRun;
import io.ludo.load.LoadOptions;
import io.ludo.load.LoadRun;
import io.ludo.load.Report;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's sub-commands: {@code load} (one run), {@code sweep} (one run per games
 * count, with a PNG plot), {@code idle} (memory per idle game and socket) and {@code echo} (the
 * bare WebSocket echo server that is the ceiling). See docs/BENCHMARKS.md.
 */
final class LoadCommand {
  private LoadCommand() {}

  static void load(String[] args) throws Exception {
    LoadOptions o = LoadOptions.parse(args);
    Vertx vertx = generator(o);
    try {
      JsonObject result = new LoadRun(vertx, o).run(o.games().get(0));
      Report.write(o.out(), result, Report.markdown(result));
      System.out.print(Report.markdown(result));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  static void sweep(String[] args) throws Exception {
    LoadOptions o = LoadOptions.parse(args);
    Vertx vertx = generator(o);
    try {
      var runs = new java.util.ArrayList<JsonObject>();
      for (int games : o.games()) {
        JsonObject r = new LoadRun(vertx, o).run(games);
        runs.add(r);
        System.out.print(Report.markdown(r));
      }
      String plotName = null;
      if (o.plot() != null) {
        io.ludo.load.Sweep.plot(o.plot(), runs, "Ludo server under load" + (o.label().isEmpty() ? "" : ": " + o.label()));
        plotName = o.plot().getFileName().toString();
      }
      JsonObject all = new JsonObject().put("runs", new io.vertx.core.json.JsonArray(runs));
      Report.write(o.out(), all, Report.sweepMarkdown(runs, plotName));
      System.out.print(Report.sweepMarkdown(runs, plotName));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  static void idle(String[] args) throws Exception {
    LoadOptions o = LoadOptions.parse(args);
    Vertx vertx = generator(o);
    try {
      JsonObject result = new IdleRun(vertx, o).run();
      Report.write(o.out(), result, IdleRun.markdown(result));
      System.out.print(IdleRun.markdown(result));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** {@code echo --port N [--instances K]}: runs until SIGTERM. */
  static void echo(String[] args) throws Exception {
    int port = 9090;
    int instances = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--instances" -> instances = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("echo --port N [--instances K]");
      }
    }
    Vertx vertx = Vertx.vertx();
    EchoServer.start(vertx, port, instances).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    System.out.println("echo listening on 127.0.0.1:" + port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close();
      stopped.countDown();
    }, "echo-shutdown"));
    stopped.await();
  }

  private static Vertx generator(LoadOptions o) {
    return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, o.threads())));
  }
}
