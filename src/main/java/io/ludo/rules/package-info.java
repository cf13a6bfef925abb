/**
 * The Ludo rule engine of {@code docs/RULES.md}: pure, immutable and free of Vert.x.
 *
 * <p>{@link io.ludo.rules.Rules#decide} turns a {@link io.ludo.rules.Command} into
 * {@link io.ludo.rules.RuleEvent}s or a {@link io.ludo.rules.RuleError};
 * {@link io.ludo.rules.Rules#evolve} folds one event into a {@link io.ludo.rules.Position}.
 * The dice are an input: the engine never rolls.
 */
package io.ludo.rules;
