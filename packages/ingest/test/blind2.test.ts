/**
 * Second blind-set guard: b01–b08 in test/heldout were written in session 2 by a helper that never saw the
 * extractor (gold: test/heldout/blind2.gold.json; the annotator's notes are in the gold's quotes and events). First
 * measured at 68.3; the session then fixed what they showed in general form (site headers and bylines, organisations
 * no lexicon lists, relative clauses of event nouns, week-level dates in merging, cue-ending verbs in positions) and
 * reached 86.8 (88.8 at the end of session 2) — so they are no longer blind either. Four continue the US–Iran dossier (Genf, Iranian parliament,
 * IAEA in Isfahan, Doha), two are Ukraine–Russia talks in Istanbul, one Gaza talks in Kairo, one an EU summit.
 * Floors sit below the measured values; raise them as the extractor improves, never lower one to make a change pass.
 */
import { fileURLToPath } from "node:url";
import { describeScoredSet } from "./support/scored-set.ts";

/** Minimum recall (hits / gold items) per scorer category. */
const floors = {
  articles: 0.95, // 8/8
  actors: 0.88, // 65/71
  places: 0.95, // 37/38
  events: 0.6, // 23/35, 4/11 merged across articles
  quotes: 0.92, // 36/37
  positions: 0.75, // 25/31
} as const;

describeScoredSet({
  title: "second blind set (test/heldout/b*) scored by ../shared/eval/score.mjs",
  dir: fileURLToPath(new URL("./heldout/", import.meta.url)),
  gold: "blind2.gold.json",
  files: /^b\d\d_.*\.txt$/,
  expectedCount: 8,
  floors,
  maxSplit: 0,
  minPersonPrecision: 95, // 100% measured
  maxJunk: 0,
});
