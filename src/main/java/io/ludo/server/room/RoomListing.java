package io.ludo.server.room;

/**
 * How friends find a game: its invite code (unique among waiting games) and whether the lobby
 * lists it ({@link #PUBLIC} or {@link #PRIVATE}). Kept beside the game's record, not in it.
 */
public record RoomListing(String inviteCode, String visibility) {
  public static final String PUBLIC = "public";
  public static final String PRIVATE = "private";
  /** Before invite codes: games recorded by an older version. */
  public static final RoomListing NONE = new RoomListing(null, PRIVATE);
}
