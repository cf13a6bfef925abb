package io.ludo.server.auth;

/** What a verified seat token says: this player sits in this seat of this game. */
public record SeatClaims(String gameId, String playerId, int seat) {}
