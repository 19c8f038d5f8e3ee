-- Moderato schema, part 5: a client or moderator key may be limited to a list of sites (comma-separated site ids,
-- which cannot contain commas); NULL, as for every existing key, means all sites.
ALTER TABLE api_key ADD COLUMN sites VARCHAR(4000);
