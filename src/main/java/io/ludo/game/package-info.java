/**
 * A game room around the rule engine: seats and players, the lobby (create, join, start, leave),
 * and play with server-side dice. Pure like {@code io.ludo.rules}: {@link io.ludo.game.Game#decide}
 * and {@link io.ludo.game.Game#evolve}, with the dice and the clock injected.
 */
package io.ludo.game;
