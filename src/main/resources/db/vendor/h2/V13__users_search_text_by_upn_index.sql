-- H2 only: the users search's first page, in the default order (by UPN), walked H2's unique UPN index and read every
-- row to test the term, the whole table for a term that matches few users. With this index, which holds each UPN
-- with its search_text in UPN order, H2 tests the term on the index's entries and reads only the matching rows, and
-- counts matches from the index alone. UserDirectory orders such a search "UPN, search_text", which is the same
-- order (UPNs are unique) written as this index holds it, so that H2 picks it. PostgreSQL's trigram index (its V12)
-- serves the search there.
CREATE INDEX ix_user_upn_search_text ON conferencing_user (user_principal_name, search_text);
