package io.ludo.server.errors;

import io.ludo.game.GameError;

/** The stable error codes of API.md, with their HTTP status; shared by REST, WebSocket and bridge. */
public enum ErrorCode {
  INVALID_INPUT(400, "Invalid input"),
  UNAUTHORIZED(401, "Unauthorized"),
  FORBIDDEN(403, "Forbidden"),
  NOT_YOUR_TURN(403, "Not your turn"),
  GAME_NOT_FOUND(404, "Game not found"),
  TICKET_NOT_FOUND(404, "Ticket not found"),
  INVITE_NOT_FOUND(404, "Invite not found"),
  NOT_FOUND(404, "Not found"),
  WRONG_PHASE(409, "Wrong phase"),
  STALE_DICE(409, "Stale dice"),
  GAME_FULL(409, "Game full"),
  NAME_TAKEN(409, "Name taken"),
  GAME_STARTED(409, "Game started"),
  GAME_OVER(409, "Game over"),
  GAME_NOT_FINISHED(409, "Game not finished"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  ILLEGAL_MOVE(422, "Illegal move"),
  VALIDATOR_REJECTED(422, "Validator rejected"),
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
  RATE_LIMITED(429, "Rate limited"),
  UNAVAILABLE(503, "Unavailable"),
  VALIDATOR_UNAVAILABLE(503, "Validator unavailable");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public static ErrorCode of(GameError error) {
    return valueOf(error.name());
  }

  /** The code named {@code name}, or {@link #UNAVAILABLE} for anything unknown (a failure we did not name). */
  public static ErrorCode parse(String name) {
    for (ErrorCode c : values()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return UNAVAILABLE;
  }
}
