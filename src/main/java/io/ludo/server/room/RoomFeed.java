package io.ludo.server.room;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/** What a room tells the world besides its replies: its events' frames to every socket, and its lifetime. */
public interface RoomFeed {
  /**
   * The {@code type} of the frame that asks every socket of the game (on the nodes it reaches) to
   * be counted again: each answers with its presence, and it is never delivered to a client.
   */
  String PRESENCE_REQUEST = "presence_request";
  /**
   * A frame for every socket of the game (an event's, after the event is durable; a chat line; a
   * rematch), sent to the nodes where the room counts sockets open ({@code listeners}, this node
   * among them or not).
   */
  void event(JsonObject frame, Set<String> listeners);

  /** The room lost its game to another owner: clients reconnect and sync (reaching the new owner). */
  void reconnect();

  /** The room was taken over: presence lived in the previous owner's memory, every node re-counts its sockets. */
  void presenceRequest();

  /** {@code node} came back among the live nodes after this room forgot its sockets: it counts them again. */
  void presenceRequest(String node);

  /** The game is over (told once per load): the play services count it once. */
  void finished(JsonObject view, long finishedAt);
}
