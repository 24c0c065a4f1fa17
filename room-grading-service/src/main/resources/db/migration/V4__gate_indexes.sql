-- The go-live gate looks up bans by marketer and by room operator on every check (Art. 14): without these
-- indexes both were full scans of tables that only grow.
ALTER TABLE disposals ADD KEY ix_disposals_marketer (marketer, measure);
ALTER TABLE rooms ADD KEY ix_rooms_room_operator (room_operator);
