-- The Art. 23 hand-off events were parked until consumer-rights-service existed; it does now, so the outbox
-- delivers them like every other event.
UPDATE outbox_events SET status = 'PENDING' WHERE status = 'PARKED';
