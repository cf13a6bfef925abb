package io.ludo.server.bus;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.concurrent.TimeUnit;

/**
 * A command's deadline as it travels: the edge gives up at its own deadline (and answers 503), so
 * the owner must not decide a command after it, and persistence must not send its append after the
 * owner's. Each part stops a margin before the part that waits for it, so that a 503 means "not
 * applied" — except for an append already in Postgres's hands when the database stalled, whose
 * late commit the owner still applies and answers a resend with. Budgets travel as relative
 * milliseconds, so the nodes' clocks need not agree.
 */
public final class Deadlines {
  /** The header of a command message: milliseconds left before its edge gives up. */
  public static final String BUDGET_HEADER = "ludo-budget-ms";
  /** How long before the edge gives up the owner stops deciding: time for the answer to travel back. */
  public static final long OWNER_MARGIN_MS = 200;
  /** How long before the owner's deadline persistence stops sending: time for one commit. */
  public static final long STORE_MARGIN_MS = 100;
  public static final long NONE = Long.MAX_VALUE;

  private Deadlines() {}

  public static DeliveryOptions withBudget(DeliveryOptions base, long budgetMs) {
    return new DeliveryOptions(base).addHeader(BUDGET_HEADER, Long.toString(Math.max(0, budgetMs)));
  }

  /** The owner's deadline (System.nanoTime) for a command message; {@link #NONE} when it carries no budget. */
  public static long ownerDeadline(Message<?> message) {
    String budget = message.headers().get(BUDGET_HEADER);
    if (budget == null) {
      return NONE;
    }
    try {
      return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(budget) - OWNER_MARGIN_MS);
    } catch (NumberFormatException e) {
      return NONE;
    }
  }

  public static boolean passed(long deadlineNanos) {
    return deadlineNanos != NONE && System.nanoTime() - deadlineNanos >= 0;
  }

  /** The milliseconds persistence has to send an append for a command due at {@code deadlineNanos}. */
  public static long storeBudgetMs(long deadlineNanos, long fallbackMs) {
    if (deadlineNanos == NONE) {
      return fallbackMs;
    }
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) - STORE_MARGIN_MS;
  }
}
