package io.ludo.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Wilson 95 % intervals against values computed by hand (z = 1.96). */
class WinRateTest {

  @Test
  void halfOfTenGames() {
    var rate = new WinRate(5, 10);
    assertEquals(0.5, rate.rate());
    assertEquals(0.2366, rate.low(), 1e-4);
    assertEquals(0.7634, rate.high(), 1e-4);
  }

  @Test
  void noWinsStillLeavesRoomAbove() {
    var rate = new WinRate(0, 10);
    assertEquals(0.0, rate.low(), 1e-12);
    assertEquals(0.2775, rate.high(), 1e-4);
  }

  @Test
  void aLargeSampleIsTight() {
    var rate = new WinRate(1800, 2000);
    assertEquals(0.8861, rate.low(), 1e-4);
    assertEquals(0.9124, rate.high(), 1e-4);
  }

  @Test
  void refusesMoreWinsThanGames() {
    assertThrows(IllegalArgumentException.class, () -> new WinRate(3, 2));
  }
}
