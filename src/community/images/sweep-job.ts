// Periodic job: removes from storage the images of posts deleted earlier whose removal failed or was deferred.
// Safe on every node at once: deleting an object or a row twice is harmless.
import type { Config } from '../../config.js';
import type { DB } from '../../lib/db/types.js';
import type { Job } from '../../lib/jobs/loop.js';
import { storageFor } from '../../lib/storage/index.js';
import { sweepDeletedPostImages } from './post-images.js';

export const imageSweepJob = (db: DB, config: Config): Job => ({
  name: 'community-image-sweep',
  everyMs: 15 * 60 * 1000,
  run: () => sweepDeletedPostImages(db, storageFor(config)),
});
