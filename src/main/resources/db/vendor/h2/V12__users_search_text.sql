-- The users search finds users whose UPN, display name or conference ID contains the term, in any case. It tested
-- three lowered columns per row; this generated column holds the three, lowered and joined by a line feed, which no
-- UPN, name or conference ID contains (they are refused with one), so LIKE '%term%' on it finds exactly the same
-- users while reading and lowering one value per row: with 100,000 users a search that matches few reads the whole
-- table, and that read is what this makes cheaper. The database computes it, so every writer (an instance of the
-- previous version during a rolling upgrade, SQL loaded by hand) keeps it right. H2 writes the expression without
-- STORED; PostgreSQL's V12 (db/vendor/postgresql) needs it: one migration in each database's own syntax.
ALTER TABLE conferencing_user ADD COLUMN search_text VARCHAR(600) GENERATED ALWAYS AS
    (LOWER(user_principal_name) || CHR(10) || LOWER(display_name) || CHR(10) || COALESCE(conference_id, ''));
