/**
 * Held-out guard: six articles nobody tuned the extractor on, scored with the shared scorer.
 *
 * test/heldout/h01–h03 continue the US–Iran dossier (second round in Geneva, IAEA inspections, EU reaction) with
 * people the seeds do not name; h04–h06 are other crises (Ukraine–Russia talks in Riyadh, Gaza talks in Cairo,
 * an EU special summit). test/heldout/heldout.gold.json annotates them in the format of
 * ../shared/gold/seeds.gold.json. The whole pipeline runs on them (readers, front matter, furniture, dates,
 * cross-article merge), the export goes to ../shared/eval/score.mjs, and each category must stay at or above a
 * floor set a little below what was measured when the set was written:
 *
 *   articles 5/6 · actors 58/59 (person precision 100%, junk 0, 1 split: "De Wever", 0 since particle surnames link) · places 33/33, 33 well
 *   located · events 16/26 · quotes 21/26 · positions 2/12 (10/12 since positions match cues flexibly)
 *
 * Raise a floor when the extractor gets better; never lower one to make a change pass.
 * Skipped (with a warning) only when the shared scorer is not there.
 */
import { fileURLToPath } from "node:url";
import { describeScoredSet } from "./support/scored-set.ts";

/** Minimum recall (hits / gold items) per scorer category. */
const floors = {
  articles: 0.8, // 5/6 measured; h03 has no date line and its only absolute day has no year
  actors: 0.95, // 58/59
  places: 0.95, // 33/33
  events: 0.75, // 21/26 (16/26 measured when the set was written)
  quotes: 0.95, // 26/26 (21/26 measured when the set was written)
  positions: 0.95, // 12/12 (2/12 before flexible cues, reported speech and cue negation)
} as const;

describeScoredSet({
  title: "held-out articles (test/heldout/h*) scored by ../shared/eval/score.mjs",
  dir: fileURLToPath(new URL("./heldout/", import.meta.url)),
  gold: "heldout.gold.json",
  files: /^h\d\d_.*\.txt$/,
  expectedCount: 6,
  floors,
  maxSplit: 0,
});
