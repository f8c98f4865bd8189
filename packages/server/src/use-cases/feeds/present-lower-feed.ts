import { changedLine, type LowerFeedStory } from './lower-units.js';

/** A fed leaf's story as the contract's `lowerUnitsFeed`; undefined for a leaf not so fed. */
export function presentLowerFeed(story: LowerFeedStory | undefined) {
  if (story === undefined) return undefined;
  const note = changedLine(story);
  return {
    source: story.source,
    published: story.published,
    units: story.units.map((u) => ({
      id: u.id,
      name: u.name,
      indexPercent: u.indexPercent,
      band: u.band,
    })),
    ...(story.publication ? { publicationVersion: story.publication.version } : {}),
    changedSincePublished: note !== null,
    ...(note !== null ? { changedNote: note } : {}),
  };
}
