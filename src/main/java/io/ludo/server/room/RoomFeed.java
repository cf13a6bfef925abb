package io.ludo.server.room;

import io.vertx.core.json.JsonObject;

/** What a room tells the world besides its replies: its events' frames to every socket, and its lifetime. */
public interface RoomFeed {
  /** An event's frame, after the event is durable. */
  void event(JsonObject frame);

  /** The room lost its game to another owner: clients reconnect and sync (reaching the new owner). */
  void reconnect();

  /** The room was taken over: presence lived in the previous owner's memory, every node re-counts its sockets. */
  void presenceRequest();

  /** The game is over (told once per load): the play services count it once. */
  void finished(JsonObject view, long finishedAt);
}
