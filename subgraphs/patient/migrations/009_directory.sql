-- The directory (docs/law.md §3, "The directory"): professionals and establishments looked up by id and by
-- name, apart from any patient data. Names are compared folded: accents, case, spaces, hyphens and
-- apostrophes ignored, the same on both sides, by this one function.
CREATE FUNCTION directory_fold(name text) RETURNS text IMMUTABLE STRICT LANGUAGE sql AS $$
  SELECT regexp_replace(
    upper(translate(name,
      'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ',
      'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY')),
    '[^A-Z0-9]', '', 'g')
$$;
CREATE INDEX professional_family_name_folded ON professional (directory_fold(family_name) text_pattern_ops);
-- Establishments are known by the professionals who work there and by their feeding channel's account.
CREATE VIEW establishment_directory AS
  SELECT DISTINCT ON (finess) finess, name FROM (
    SELECT establishment_finess AS finess, establishment_name AS name, 0 AS rank
      FROM professional WHERE establishment_finess IS NOT NULL AND establishment_name IS NOT NULL
    UNION ALL
    SELECT attributes->>'finess', display_name, 1 FROM account WHERE kind = 'establishment' AND attributes ? 'finess'
  ) known ORDER BY finess, rank, name;
