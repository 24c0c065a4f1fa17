package org.livecomply.grading.service;

import jakarta.inject.Singleton;
import org.livecomply.commons.error.NotFoundException;
import org.livecomply.grading.domain.Room;
import org.livecomply.grading.repository.RoomRepository;
import org.livecomply.grading.repository.RoomRow;

/** Finds a room's row by id, or ROOM_NOT_FOUND; {@link #lock} serialises changes to one room. */
@Singleton
public class Rooms {

    private final RoomRepository rooms;

    public Rooms(RoomRepository rooms) {
        this.rooms = rooms;
    }

    public RoomRow row(String roomId) {
        return rooms.findByResourceId(roomId).orElseThrow(() -> notFound(roomId));
    }

    /** The row, locked until the caller's transaction ends (grade numbering, metrics, disposals of one room). */
    public RoomRow lock(String roomId) {
        return rooms.lock(roomId).orElseThrow(() -> notFound(roomId));
    }

    public String idOf(long seq) {
        return rooms.findById(seq).orElseThrow().resourceId();
    }

    private static NotFoundException notFound(String roomId) {
        return new NotFoundException(RoomService.NOT_FOUND, Room.COLLECTION + roomId);
    }
}
