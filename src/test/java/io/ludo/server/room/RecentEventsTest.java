package io.ludo.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ring of a room's newest frames answers every sync it reaches back to, and no other. */
class RecentEventsTest {

  private static RecentEvents holding(int capacity, int events) {
    RecentEvents ring = new RecentEvents(capacity);
    for (int seq = 1; seq <= events; seq++) {
      ring.add(seq, "e" + seq);
    }
    return ring;
  }

  @Test
  void givenFewerEventsThanItHoldsItAnswersASyncFromTheStart() {
    assertEquals(Optional.of(List.of("e1", "e2", "e3")), holding(4, 3).after(0));
    assertEquals(Optional.of(List.of("e3")), holding(4, 3).after(2));
    assertEquals(Optional.of(List.of()), holding(4, 3).after(3), "nothing missed");
  }

  @Test
  void givenMoreEventsThanItHoldsItAnswersOnlyWhatItStillReaches() {
    RecentEvents ring = holding(4, 10);
    // it holds 7..10: a client that saw 6 is answered, one that saw 5 must go to the log
    assertEquals(Optional.of(List.of("e7", "e8", "e9", "e10")), ring.after(6));
    assertFalse(ring.after(5).isPresent());
  }

  @Test
  void anEventThatDoesNotFollowTheNewestStartsTheRingAfresh() {
    RecentEvents ring = holding(4, 3);
    ring.add(7, "e7");
    assertEquals(Optional.of(List.of("e7")), ring.after(6));
    assertFalse(ring.after(3).isPresent(), "4..6 are not held");
  }

  @Test
  void theAnswerCarriesFramesOnlyWhenTheyAreFewEnoughAndHeld() {
    RecentEvents ring = holding(4, 10);
    assertEquals(List.of("e9", "e10"), ring.answer(10, 8, 5).getJsonArray("frames").getList());
    assertFalse(ring.answer(10, 2, 5).containsKey("frames"), "more than max missed: the state instead");
    assertFalse(ring.answer(10, 5, 5).containsKey("frames"), "older than the ring: the log");
    assertEquals(10, ring.answer(10, 5, 5).getInteger("seq"));
  }
}
