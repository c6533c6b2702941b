-- Community at scale (bench/community.bench.ts, 1M posts): a trigram index for two-syllable Korean searches.
-- "비자" or "수영" has no trigram, so community_posts_search_idx cannot serve it and a rare word meant reading
-- every post. Decomposed into jamo (NFD) the same word is 4–6 letters. This index holds only the jamo of each
-- post (other characters become one space), so it stays small (~6% of the text index at 1M posts); listPosts
-- adds the matching condition, implied by its LIKE, for queries of two Hangul syllables. The expression must
-- stay identical to HANGUL_JAMO in src/community/queries.ts.
create index community_posts_hangul_idx on community_posts
  using gin ((regexp_replace(normalize(lower(title || ' ' || body), NFD), '[^\u1100-\u11ff]+', ' ', 'g')) public.gin_trgm_ops);
