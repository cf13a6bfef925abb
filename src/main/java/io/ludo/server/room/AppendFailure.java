package io.ludo.server.room;

/** Why an append failed, as far as its room must know. */
public final class AppendFailure extends RuntimeException {
  public enum Kind {
    /** Another owner holds a newer epoch: this room must never append again. */
    FENCED,
    /** Never sent to the database (its deadline passed first): certainly not stored. */
    NOT_SENT,
    /** Its command id is stored already: applied long ago. */
    DUPLICATE_COMMAND,
    /** Sent, outcome unknown: the commit may have landed. */
    UNKNOWN
  }

  private final Kind kind;

  public AppendFailure(Kind kind) {
    super(kind.name(), null, false, false);
    this.kind = kind;
  }

  public static Kind kindOf(Throwable failure) {
    return failure instanceof AppendFailure a ? a.kind : Kind.UNKNOWN;
  }
}
