-- PostgreSQL only (db/vendor/postgresql): trigram indexes for the users search, which finds users whose UPN, display
-- name or conference ID contains the term (LOWER(...) LIKE '%term%'). No B-tree serves a leading '%', so without
-- these every search reads the whole table; with them each branch of the OR is a bitmap index scan, and the search
-- finds exactly what it found before. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (13+), so a
-- database owner may create it; where it is missing or not allowed, the search stays as it was (a notice in the log).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX ix_user_upn_trgm ON conferencing_user USING gin (LOWER(user_principal_name) gin_trgm_ops);
    CREATE INDEX ix_user_display_name_trgm ON conferencing_user USING gin (LOWER(display_name) gin_trgm_ops);
    CREATE INDEX ix_user_conference_id_trgm ON conferencing_user USING gin (conference_id gin_trgm_ops);
EXCEPTION
    WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): users searches read the whole table', SQLERRM;
END
$$;
