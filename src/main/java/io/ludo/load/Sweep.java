package io.ludo.load;

import io.vertx.core.json.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The sweep's picture: actions/s (left axis) and p99 latency (right axis) against concurrent games. */
public final class Sweep {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 540;

  private Sweep() {}

  public static void plot(Path png, List<JsonObject> runs, String title) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeries actions = new XYSeries("server actions/s");
    XYSeries echoActions = new XYSeries("echo actions/s (ceiling)");
    XYSeries p99 = new XYSeries("server p99 ms");
    XYSeries echoP99 = new XYSeries("echo p99 ms");
    for (JsonObject r : runs) {
      int games = r.getInteger("games");
      JsonObject s = r.getJsonObject("server");
      actions.add(games, s.getDouble("actions_per_s"));
      p99.add(games, s.getJsonObject("latency_ms").getDouble("p99"));
      JsonObject e = r.getJsonObject("echo");
      if (e != null) {
        echoActions.add(games, e.getDouble("actions_per_s"));
        echoP99.add(games, e.getJsonObject("latency_ms").getDouble("p99"));
      }
    }
    XYSeriesCollection left = new XYSeriesCollection(actions);
    XYSeriesCollection right = new XYSeriesCollection(p99);
    if (!echoActions.isEmpty()) {
      left.addSeries(echoActions);
      right.addSeries(echoP99);
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(new NumberAxis("concurrent 4-player games"));
    // the echo ceiling is far above the server: a log scale shows both
    LogAxis perSecond = new LogAxis("actions/s (log scale)");
    perSecond.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
    plot.setRangeAxis(0, perSecond);
    plot.setRangeAxis(1, new NumberAxis("p99 latency (ms)"));
    plot.setDataset(0, left);
    plot.setDataset(1, right);
    plot.mapDatasetToRangeAxis(0, 0);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(0, renderer(new Color(0x1f77b4)));
    plot.setRenderer(1, renderer(new Color(0xd62728)));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    if (png.toAbsolutePath().getParent() != null) {
      Files.createDirectories(png.toAbsolutePath().getParent());
    }
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }

  /** Series 0 (the server) solid, series 1 (the echo) dashed, in one colour per axis. */
  private static XYLineAndShapeRenderer renderer(Color color) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, color);
    r.setSeriesPaint(1, color);
    r.setSeriesStroke(0, new BasicStroke(2.5f));
    r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    return r;
  }
}
