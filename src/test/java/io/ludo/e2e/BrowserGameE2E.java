package io.ludo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ludo.server.Node;
import io.ludo.server.TestNodes;
import io.ludo.server.config.ConfigKey;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser client end to end: a node in this JVM (embedded Postgres and Redis, repeatable
 * dice), two headless Chromium pages. Page 1 creates a 2-player game, page 2 joins it by its
 * link, and the test clicks Roll or a highlighted token on whichever page has the turn until the
 * game ends; then both boards must show the position and the winner of {@code GET /games/{id}}.
 * Screenshots of both pages (start, middle, end) go to {@code target/e2e-screenshots/}.
 */
class BrowserGameE2E {
  private static final int MAX_ACTIONS = 4_000;
  private static final Duration MAX_GAME_TIME = Duration.ofMinutes(8);
  private static final Duration STEP_WAIT = Duration.ofSeconds(10);
  private static final int NATIVE_CLICKS = 40;
  private static final Duration POLL = Duration.ofMillis(20);

  private static Vertx vertx;
  private static Node node;
  private static String base;
  private static Path shots;
  private static final List<WebDriver> drivers = new ArrayList<>();
  private static WebDriver desktop;
  private static WebDriver phone;
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startNodeAndBrowsers() throws Exception {
    for (String tool : List.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"),
        System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"))) {
      assertTrue(Files.isExecutable(Path.of(tool)), tool + " is missing: apt-get install -y chromium chromium-driver"
          + " (or name others with -De2e.chromium=… -De2e.chromedriver=…)");
    }
    assertNotNull(BrowserGameE2E.class.getClassLoader().getResource("web/static/vendor/vertx-eventbus.js"),
        "web/static/vendor/vertx-eventbus.js is not on the classpath: run with the profile web (mvn -Pweb,e2e verify)");
    vertx = Vertx.vertx();
    node = TestNodes.start(vertx, Map.of(ConfigKey.TEST_DICE, "seed:42")).toCompletionStage().toCompletableFuture()
        .get(120, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + node.httpPort();
    shots = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));
    Files.createDirectories(shots);
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode(), "GET / must serve the web client");
    assertTrue(page.body().contains("/static/app.js"), "GET / must be web/index.html");
  }

  @AfterAll
  static void stop() throws Exception {
    for (WebDriver d : drivers) {
      try {
        d.quit();
      } catch (RuntimeException ignored) {
        // the browser is gone already
      }
    }
    if (node != null) {
      node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /** A headless Chromium whose page is {@code width} CSS pixels wide (phone widths emulated). */
  private static WebDriver browser(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    // WebDriver commands do not wait for page loads (SockJS keeps requests open); the test waits for what it needs
    options.setPageLoadStrategy(org.openqa.selenium.PageLoadStrategy.NONE);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--window-size=" + Math.max(width, 800) + "," + height);
    if (width < 500) {
      // a headless window is at least 500 pixels wide: emulate the phone's viewport instead
      options.setExperimentalOption("mobileEmulation",
          Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver")))
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    return driver;
  }

  /** One desktop-sized and one phone-sized browser for the whole class (each test opens its own game). */
  private static WebDriver desktop() {
    return desktop == null ? desktop = browser(1000, 1300) : desktop;
  }

  private static WebDriver phone() {
    return phone == null ? phone = browser(375, 900) : phone;
  }

  @Test
  void theCreatorStartsAGameBeforeItIsFull() {
    WebDriver ann = desktop();
    WebDriver bob = phone();
    ann.get(base + "/");
    waitFor(ann, d -> d.findElement(By.id("lobby")).isDisplayed());
    type(ann, "create-name", "Cleo");
    ann.findElement(By.cssSelector("#create-players option[value='4']")).click();
    ann.findElement(By.id("create-button")).click();
    waitFor(ann, d -> d.findElement(By.id("game")).isDisplayed()
        && "live".equals(d.findElement(By.id("conn")).getDomAttribute("data-state")));
    assertTrue(!ann.findElement(By.id("start")).isDisplayed(), "no start with one player seated");
    bob.get(ann.findElement(By.id("share-link")).getDomProperty("value"));
    waitFor(bob, d -> d.findElement(By.id("join")).isDisplayed());
    type(bob, "join-name", "Dan");
    bob.findElement(By.id("join-button")).click();
    // the creator's page learns of the join over the bridge and offers to start
    waitFor(ann, d -> d.findElement(By.id("start")).isDisplayed());
    assertTrue(!bob.findElement(By.id("start")).isDisplayed(), "only the creator may start");
    ann.findElement(By.id("start")).click();
    for (WebDriver d : List.of(ann, bob)) {
      waitFor(d, x -> "PLAYING".equals(x.findElement(By.id("turn")).getDomAttribute("data-status")));
    }
    waitFor(ann, d -> d.findElement(By.id("roll")).isEnabled());   // seat 0 rolls first
    assertEquals(2L, js(bob, "return LudoApp.view.seats.length"));
  }

  @Test
  void aBotTakesTheOtherSeatAndPlaysUnderATurnTimer() throws Exception {
    WebDriver ann = desktop();
    ann.get(base + "/");
    waitFor(ann, d -> d.findElement(By.id("lobby")).isDisplayed());
    type(ann, "create-name", "Eve");
    ann.findElement(By.cssSelector("#create-players option[value='2']")).click();
    assertTrue(!ann.findElement(By.cssSelector("#create-bots option[value='2']")).isEnabled(),
        "a 2-player game leaves at most one seat to bots");
    ann.findElement(By.cssSelector("#create-bots option[value='1']")).click();
    ann.findElement(By.cssSelector("#create-timer option[value='30000']")).click();
    ann.findElement(By.id("create-button")).click();
    waitFor(ann, d -> "PLAYING".equals(d.findElement(By.id("turn")).getDomAttribute("data-status")));
    assertTrue(ann.findElement(By.id("players")).getText().contains("bot"), "the bot is listed");
    waitFor(ann, d -> d.findElement(By.id("clock")).getText().contains("s left"));
    // the bot (yellow, seat 2) answers whenever the turn passes to it
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int actions = 0;
    while (ann.findElements(By.xpath("//ol[@id='log']/li[contains(., '(yellow) rolled')]")).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the bot never rolled");
      if (act(ann, actions)) {
        actions++;
      } else {
        sleep(50);
      }
    }
    shoot(ann, "5-bot-game");
  }

  @Test
  void twoPagesPlayAWholeGameAndAgreeWithTheServer() throws Exception {
    long began = System.nanoTime();
    WebDriver ann = desktop();
    WebDriver bob = phone();

    // Page 1 creates a 2-player game.
    ann.get(base + "/");
    waitFor(ann, d -> d.findElement(By.id("lobby")).isDisplayed());
    assertLiveLibrariesLoaded(ann);
    type(ann, "create-name", "Ann");
    ann.findElement(By.cssSelector("#create-players option[value='2']")).click();
    ann.findElement(By.id("create-button")).click();
    waitFor(ann, d -> d.findElement(By.id("game")).isDisplayed() && d.getCurrentUrl().contains("game="));
    String gameId = (String) js(ann, "return LudoApp.gameId");
    assertNotNull(gameId);
    String link = ann.findElement(By.id("share-link")).getDomProperty("value");
    assertTrue(link.contains("?game=" + gameId), "the invite link names the game: " + link);
    waitFor(ann, d -> "live".equals(d.findElement(By.id("conn")).getDomAttribute("data-state")));

    // Page 2 joins by the link; a full 2-player game starts by itself.
    bob.get(link);
    waitFor(bob, d -> d.findElement(By.id("join")).isDisplayed());
    type(bob, "join-name", "Bob");
    bob.findElement(By.id("join-button")).click();
    for (WebDriver d : List.of(ann, bob)) {
      waitFor(d, x -> "PLAYING".equals(x.findElement(By.id("turn")).getDomAttribute("data-status")));
      waitFor(d, x -> "live".equals(x.findElement(By.id("conn")).getDomAttribute("data-state")));
    }
    assertEquals(375L, js(bob, "return window.innerWidth"), "the second page is phone-sized");
    Number width = (Number) js(bob, "return document.documentElement.scrollWidth");
    assertTrue(width.intValue() <= 375, "no horizontal scrolling on a 375px screen: " + width);
    shoot(ann, "1-start-ann");
    shoot(bob, "1-start-bob");

    // A reload keeps the seat (sessionStorage) and follows the game again.
    ann.navigate().refresh();
    waitFor(ann, d -> "live".equals(d.findElement(By.id("conn")).getDomAttribute("data-state"))
        && "PLAYING".equals(d.findElement(By.id("turn")).getDomAttribute("data-status")));
    assertTrue(ann.findElement(By.cssSelector("#players .me")).getText().contains("Ann"), "the reloaded page is still Ann's seat");
    waitFor(ann, d -> d.findElements(By.cssSelector("#log li")).size() >= 3);   // joins and start, from the event log

    // Play: whoever has the turn rolls or clicks a highlighted token.
    int actions = 0;
    boolean middleShot = false;
    long deadline = System.nanoTime() + MAX_GAME_TIME.toNanos();
    while (!finished(ann) || !finished(bob)) {
      if (actions >= MAX_ACTIONS || System.nanoTime() > deadline) {
        fail("the game did not end within " + MAX_ACTIONS + " actions and " + MAX_GAME_TIME + " (" + actions
            + " actions taken); last view: " + view(gameId).encode());
      }
      boolean acted = false;
      for (WebDriver page : List.of(ann, bob)) {
        if (act(page, actions)) {
          actions++;
          acted = true;
        }
      }
      if (!acted) {
        Thread.sleep(20);
      }
      if (!middleShot && seq(ann) >= 80) {
        shoot(ann, "2-middle-ann");
        shoot(bob, "2-middle-bob");
        middleShot = true;
        // Bob's connection drops mid-game: the page reconnects, registers again and resyncs.
        js(bob, "LudoApp.eb.sockJSConn.close()");
        waitFor(bob, d -> ((Number) js(d, "return LudoApp.opens")).intValue() >= 2
            && "live".equals(d.findElement(By.id("conn")).getDomAttribute("data-state")));
      }
    }
    shoot(ann, "3-end-ann");
    shoot(bob, "3-end-bob");

    // Both boards agree with the server's view, winner included.
    JsonObject server = view(gameId);
    assertEquals("FINISHED", server.getString("status"));
    Integer winner = server.getInteger("winner");
    assertNotNull(winner, "a finished game has a winner");
    String winnerName = server.getJsonArray("players").stream().map(JsonObject.class::cast)
        .filter(p -> p.getInteger("seat").equals(winner)).findFirst().orElseThrow().getString("display_name");
    for (WebDriver page : List.of(ann, bob)) {
      waitFor(page, d -> seq(d) == server.getLong("seq"));
      assertBoardMatches(page, server.getJsonArray("tokens"));
      String turn = page.findElement(By.id("turn")).getText();
      assertTrue(turn.contains("Winner") && turn.contains(winnerName), "the page names the winner: " + turn);
      assertTrue(page.findElements(By.cssSelector("#board .token.movable")).isEmpty(), "nothing to move at the end");
      assertTrue(!page.findElement(By.id("roll")).isEnabled(), "no roll at the end");
      assertTrue(page.findElements(By.cssSelector("#log li")).size() > 10, "the move log shows the game");
    }
    // A spectator's page shows the same board and no controls.
    ann.get(base + "/?game=" + gameId + "&spectate");
    waitFor(ann, d -> Boolean.TRUE.equals(js(d, "return !!(window.LudoApp && LudoApp.view && LudoApp.view.seq === "
        + server.getLong("seq") + ")")));
    assertBoardMatches(ann, server.getJsonArray("tokens"));
    assertTrue(!ann.findElement(By.id("controls")).isDisplayed(), "a spectator has no Roll button");
    assertTrue(ann.findElement(By.id("turn")).getText().contains(winnerName), "the spectator sees the winner");
    waitFor(ann, d -> d.findElement(By.cssSelector("#log li:last-child")).getText().contains("wins"));
    shoot(ann, "4-spectator");

    System.out.printf("browser game %s: %d clicks, %d events, winner %s, %.1f s%n", gameId, actions,
        server.getLong("seq"), winnerName, (System.nanoTime() - began) / 1e9);
  }

  @Test
  void friendsFindTheGameInTheLobbyJoinByCodeChatAndPlayARematch() throws Exception {
    WebDriver ann = desktop();
    WebDriver bob = phone();
    ann.get(base + "/");
    waitFor(ann, d -> d.findElement(By.id("lobby")).isDisplayed());
    type(ann, "create-name", "Ivy");
    type(ann, "create-room", "Ivy and friends");
    ann.findElement(By.cssSelector("#create-players option[value='2']")).click();
    ann.findElement(By.id("create-public")).click();
    ann.findElement(By.id("create-button")).click();
    waitFor(ann, d -> d.findElement(By.id("game")).isDisplayed() && !d.findElement(By.id("invite-code")).getText().isEmpty());
    String gameId = (String) js(ann, "return LudoApp.gameId");
    String code = ann.findElement(By.id("invite-code")).getText();
    assertTrue(code.matches("[A-HJ-NP-Z2-9]{6}"), "an invite code is shown: " + code);
    assertTrue(ann.findElement(By.id("copy-code")).isDisplayed(), "with a button to copy it");
    shoot(ann, "6-invite-code");

    // The friend's lobby lists the public game; they join with the code, typed in lower case.
    bob.get(base + "/");
    waitFor(bob, d -> !d.findElements(By.cssSelector("#open-games a[href*='" + gameId + "']")).isEmpty());
    assertTrue(bob.findElement(By.id("open-games")).getText().contains("Ivy and friends"), "listed by its room name");
    shoot(bob, "7-lobby");
    type(bob, "code-input", code.toLowerCase());
    type(bob, "code-name", "Jon");
    bob.findElement(By.id("code-button")).click();
    for (WebDriver d : List.of(ann, bob)) {
      waitFor(d, x -> "PLAYING".equals(x.findElement(By.id("turn")).getDomAttribute("data-status")));
    }
    assertEquals(gameId, js(bob, "return LudoApp.gameId"), "the code named the game");

    // A chat line from one page reaches the other.
    type(bob, "chat-text", "good luck!");
    bob.findElement(By.id("chat-send")).click();
    waitFor(ann, d -> d.findElement(By.id("chat-lines")).getText().contains("Jon: good luck!"));

    // Ivy leaves: Jon wins; both pages offer to play again.
    String ivyToken = (String) js(ann, "return LudoApp.seat.token");
    HttpResponse<String> left = http.send(HttpRequest.newBuilder(URI.create(base + "/games/" + gameId + "/leave"))
        .header("Authorization", "Bearer " + ivyToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, left.statusCode(), left.body());
    for (WebDriver d : List.of(ann, bob)) {
      waitFor(d, x -> x.findElement(By.id("rematch")).isDisplayed());
    }
    shoot(bob, "8-play-again");

    // Jon asks for the rematch; Ivy's page hears of it and joins it.
    bob.findElement(By.id("rematch")).click();
    waitFor(bob, d -> d.getCurrentUrl().contains("game=") && !d.getCurrentUrl().contains(gameId)
        && "WAITING".equals(d.findElement(By.id("turn")).getDomAttribute("data-status")));
    String rematch = (String) js(bob, "return window.LudoApp && LudoApp.gameId");
    waitFor(ann, d -> d.findElement(By.id("rematch")).getText().contains("Join the rematch"));
    ann.findElement(By.id("rematch")).click();
    for (WebDriver d : List.of(ann, bob)) {
      waitFor(d, x -> "PLAYING".equals(x.findElement(By.id("turn")).getDomAttribute("data-status"))
          && rematch.equals(js(x, "return window.LudoApp && LudoApp.gameId")));
    }
    shoot(ann, "9-rematch-ivy");
    shoot(bob, "9-rematch-jon");
    assertEquals(rematch, view(gameId).getString("rematch_game_id"), "the old game names its rematch");
    assertEquals(2, view(rematch).getJsonArray("players").size());
  }

  /**
   * One click if it is this page's turn and no command is in flight, then waits for its effect.
   * The first clicks and every tenth are WebDriver's own (real pointer input on the element's
   * centre: the Roll button or a highlighted SVG token); the others dispatch the same click
   * event from script, which is about ten times faster on a loaded 2-core machine.
   */
  private static boolean act(WebDriver page, int actions) {
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) js(page, """
        var roll = document.getElementById('roll');
        return {seq: LudoApp.view ? LudoApp.view.seq : -1, pending: LudoApp.pending,
                roll: !roll.disabled && roll.offsetParent !== null,
                movable: document.querySelectorAll('#board .token.movable').length};""");
    boolean canRoll = Boolean.TRUE.equals(s.get("roll"));
    long movable = ((Number) s.get("movable")).longValue();
    if (Boolean.TRUE.equals(s.get("pending")) || !canRoll && movable == 0) {
      return false;
    }
    long before = ((Number) s.get("seq")).longValue();
    try {
      if (actions < NATIVE_CLICKS || actions % 10 == 0) {
        WebElement target = canRoll ? page.findElement(By.id("roll"))
            : page.findElement(By.cssSelector("#board .token.movable"));
        target.click();
      } else {
        js(page, canRoll ? "document.getElementById('roll').click()"
            : "document.querySelector('#board .token.movable').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
      }
    } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException
        | org.openqa.selenium.JavascriptException e) {
      return false;   // the board was redrawn under the click: look again
    }
    // the command's events reach the page (or its error does, and the page refetches)
    new WebDriverWait(page, STEP_WAIT, POLL).until(d -> seq(d) > before || Boolean.FALSE.equals(js(d, "return LudoApp.pending")));
    return true;
  }

  /** Every token drawn on the page stands where the server's view puts it (read in one go: the board may redraw). */
  private static void assertBoardMatches(WebDriver page, JsonArray tokens) {
    @SuppressWarnings("unchecked")
    List<List<Number>> drawn = (List<List<Number>>) js(page, """
        return Array.from(document.querySelectorAll('#board .token')).map(function (t) {
          return [Number(t.getAttribute('data-seat')), Number(t.getAttribute('data-token')),
                  Number(t.getAttribute('data-progress'))];
        });""");
    Map<String, Integer> onPage = new java.util.TreeMap<>();
    for (List<Number> t : drawn) {
      onPage.put(t.get(0).intValue() + "/" + t.get(1).intValue(), t.get(2).intValue());
    }
    Map<String, Integer> expected = new java.util.TreeMap<>();
    for (int seat = 0; seat < 4; seat++) {
      JsonArray row = tokens.getJsonArray(seat);
      for (int i = 0; row != null && i < 4; i++) {
        expected.put(seat + "/" + i, row.getInteger(i));
      }
    }
    assertEquals(expected, onPage, "seat/token -> progress on " + page.getCurrentUrl());
  }

  private static void assertLiveLibrariesLoaded(WebDriver page) {
    assertEquals(Boolean.TRUE, js(page, "return typeof EventBus === 'function' && typeof SockJS === 'function'"),
        "the page loaded the event-bus bridge client and SockJS from /static/vendor/");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Types into a field that the page may have prefilled with the last name used in this browser. */
  private static void type(WebDriver page, String id, String text) {
    WebElement field = page.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private static boolean finished(WebDriver page) {
    return "FINISHED".equals(page.findElement(By.id("turn")).getDomAttribute("data-status"));
  }

  private static long seq(WebDriver page) {
    Object s = js(page, "return LudoApp.view ? LudoApp.view.seq : -1");
    return ((Number) s).longValue();
  }

  private static Object js(WebDriver page, String script) {
    return ((JavascriptExecutor) page).executeScript(script);
  }

  private static void waitFor(WebDriver page, java.util.function.Function<WebDriver, Boolean> condition) {
    // a page that navigates (a rematch loads its new game) replaces its elements and script under
    // the wait: the element just found may be gone when it is read (stale, or Chrome's "node does
    // not belong to the document"), so any driver error is read as "not yet" until the deadline
    new WebDriverWait(page, Duration.ofSeconds(20), POLL)
        .ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.WebDriverException.class)
        .until(condition::apply);
  }

  private static void shoot(WebDriver page, String name) throws Exception {
    File png = ((TakesScreenshot) page).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonObject view(String gameId) throws Exception {
    HttpResponse<String> r = get("/games/" + gameId);
    assertEquals(200, r.statusCode(), r.body());
    return new JsonObject(r.body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
