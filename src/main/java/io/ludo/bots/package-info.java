/**
 * Computer players for the rule engine, and the tools to measure them: pure Java, no Vert.x.
 *
 * <p>A {@link io.ludo.bots.Strategy} picks a token in a {@code MOVE} position; {@link
 * io.ludo.bots.Strategies} builds one by name ({@code random}, {@code greedy}, {@code expert}).
 * {@link io.ludo.bots.GameDriver} plays whole games with a strategy per seat and a {@link
 * io.ludo.bots.DiceSource}; {@link io.ludo.bots.Tournament} plays thousands of seeded games and
 * reports win rates. Every source of chance is injected, so a seed replays a game exactly.
 */
package io.ludo.bots;
