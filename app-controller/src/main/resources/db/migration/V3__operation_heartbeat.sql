-- The controller running an app's sync operation touches this every few seconds; a Running
-- operation whose heartbeat stopped belonged to a controller that died, and is marked failed.
ALTER TABLE application ADD COLUMN operation_heartbeat TIMESTAMP WITH TIME ZONE;
