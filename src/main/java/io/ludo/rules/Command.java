package io.ludo.rules;

/** What the current seat asks for. Values are checked by {@link Rules#decide}, not here. */
public sealed interface Command {

  /** The current seat rolled {@code value} (an input: dice come from outside the engine). */
  record Roll(int value) implements Command {}

  /** The current seat moves its token {@code token} by the die of the position. */
  record Move(int token) implements Command {}
}
