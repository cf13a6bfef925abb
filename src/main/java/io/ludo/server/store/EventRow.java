package io.ludo.server.store;

/** One event row to store: its seq, type and JSON text exactly as it was hashed and served. */
public record EventRow(int seq, String type, String payload) {}
