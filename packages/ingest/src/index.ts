/**
 * @lagebild/ingest: read German news articles and extract a graph of events, actors, places, dates, quotes and
 * positions. See src/pipeline/index.ts for the stage order and src/cli.ts for the command line.
 */
export * from "./pipeline/index.ts";
export { clean } from "./stages/clean.ts";
export { extractMetadata, inferPublished, guessTitle, detectLanguage, agencyOf, outletOf, outletOfUrl, dateFromDatelines } from "./stages/metadata.ts";
export { splitSentences, tokenize, type Token, type SplitOptions } from "./stages/sentences.ts";
export { findDates, clauseTense, addDays, daysBetween, weekdayOf, type FoundDate, type DateAnchor, type Tense } from "./stages/dates.ts";
export {
  readInputs, readInput, readBytes, expandPaths, formatError, decodeBytes, normalizeText, readFrontMatter, markdownToText, readHtml,
  readJson, readJsonLines, normaliseGiven, normaliseDate, MAX_FILE_BYTES, SUPPORTED_EXTENSIONS,
  type ReadResult, type ReadFailure, type InputFile,
} from "./io/index.ts";
export { createProgress, type Progress, type Outcome } from "./progress.ts";
