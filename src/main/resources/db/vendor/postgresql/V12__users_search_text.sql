-- The users search's one column (db/vendor/h2/V12 is the same migration in H2's syntax): UPN, display name and
-- conference ID, lowered and joined by a line feed, which none of them contains, computed and stored by PostgreSQL
-- (adding it rewrites the table once). A trigram index on it serves LIKE '%term%', which no B-tree can, so a search
-- that matches few users no longer reads the whole table, and finds exactly what it found before. pg_trgm ships
-- with PostgreSQL (contrib) and is a trusted extension (13+), so a database owner may create it; where it is missing
-- or not allowed, the search reads the whole table (a notice in the log).
-- (An earlier V10 meant to add three such indexes, one per column, but Flyway never read this folder before this
-- version; no database has it.)
ALTER TABLE conferencing_user ADD COLUMN search_text VARCHAR(600) GENERATED ALWAYS AS
    (LOWER(user_principal_name) || CHR(10) || LOWER(display_name) || CHR(10) || COALESCE(conference_id, '')) STORED;
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX ix_user_search_text_trgm ON conferencing_user USING gin (search_text gin_trgm_ops);
EXCEPTION
    WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE NOTICE 'pg_trgm is not available (%): users searches read the whole table', SQLERRM;
END
$$;
