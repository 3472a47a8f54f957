-- The users list sorted by display name (the API's sort=displayName and the portal's "Display name" column)
-- orders by display_name, then user_principal_name to break ties (UserService.orderBy). An index on
-- display_name alone cannot give that order, so every such page sorted the whole table (100,000 users: a full
-- scan and sort even for the first page). These two indexes give it directly, ascending and descending:
-- H2 does not scan an index backwards, and the tie-break stays ascending in both directions.
-- Portable between H2 2.x and PostgreSQL; the old single-column index is a prefix of the first one.

CREATE INDEX ix_user_display_name_upn ON conferencing_user (display_name, user_principal_name);
CREATE INDEX ix_user_display_name_desc_upn ON conferencing_user (display_name DESC, user_principal_name);
DROP INDEX ix_user_display_name;
