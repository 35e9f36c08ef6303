/**
 * Stage 8: quotes and statements.
 *
 * Direct quotes in every German style („…“ »…« «…» "…" ‚…‘ “…”), whole or partial, and indirect speech in the
 * Konjunktiv ("Das Außenministerium prüfe …, sagte ein Sprecher") kept as mode `indirect`.
 * The speaker comes from, in this order:
 * - a verb of saying after the quote: "«…», sagte Irans Außenminister Abbas Araghtschi", "…, betonte er",
 *   "…, zitierte ihn das Portal Iran Press", "…, wurde ein hochrangiger Beamter … zitiert",
 *   "berichtete Fars unter Berufung auf eine ungenannte Regierungsquelle" (the source named after
 *   "unter Berufung auf" wins over the outlet);
 * - the subject of the clause before a colon: "Witkoff antwortete angeblich: „…“";
 * - the subject of a sentence of saying that holds a partial quote: "bezeichnete die Gespräche als «sehr ernst»";
 * - for a quote standing alone, the speaker of the statement just before it.
 * Pronouns (er, sie, ihn) resolve to the last person who spoke or was the subject; a definite epithet
 * ("der Republikaner") to the last person named. Anonymous speakers ("ein hochrangiger US-Beamter",
 * "die Quelle") keep their words as the label and a null speaker — never a nearby named person.
 * Quotes with no verb of saying around them are scare quotes or names and are dropped.
 */
import type { DateMention } from "../pipeline/types.ts";
import type { Quote, Sentence } from "@lagebild/model";
import demonymData from "../../data/demonyms.json" with { type: "json" };
import mediaData from "../../data/media.json" with { type: "json" };
import officeData from "../../data/offices.json" with { type: "json" };
import speechData from "../../data/speech.json" with { type: "json" };
import { fold, isKonjunktiv, type Word, wordIndexAt, wordsOf } from "../text.ts";
import type { Ref, Resolution } from "./resolve.ts";

export interface QuoteInput {
  text: string;
  sentences: Sentence[];
  resolution: Resolution;
  dates?: DateMention[];
}

/** A quote with the actor key the speaker label stands for, also when anonymous (for positions). */
export interface FoundQuote extends Quote {
  /** Actor behind the speaker label: the person, or the state of an anonymous official. */
  speakerActor: string | null;
}

const SPEECH = new Set(speechData.verbs.map(fold));
const PARTICLES = new Map(Object.entries(speechData.particles).map(([k, v]) => [fold(k), fold(v)]));
const ANON_HEADS = new Set(speechData.anonymousHeads.map(fold));
const OPENERS: Record<string, string> = { "„": "“”\"", "»": "«", "«": "»", "“": "”", '"': '"', "‚": "‘’", "‹": "›", "›": "‹" };
const OPENER_MARK = new RegExp(`[${Object.keys(OPENERS).join("")}]`, "g");
const PRONOUN_SUBJ = new Set(["er", "sie"]);
const PRONOUN_OBJ = new Set(["ihn", "ihm", "ihr"]);
const KONJUNKTIV = /(?:^|[^\p{L}])(?:sei|seien|seiest|habe|hätten|werde|würden|würde|könne|könnten|müsse|müssten|wolle|solle|gebe|gäbe|stehe|liege|gehe|bleibe|prüfe|brauche|wisse)(?![\p{L}])/u;
const PREP = /^(?:auf|in|im|bei|gegenuber|uber|mit|nach|an|am|fur|aus|zu|zum|zur|unter)$/;
const STOP_LABEL = new Set(["gegenüber", "gegenuber", "von", "vom", "laut", "auf", "am", "im", "in", "bei", "mit", "und", "hinzu", "mit", "nach", "zu", "zufolge", "dem", "der"]);
/** "der Republikaner", "die Ministerin": an epithet (data/offices.json) standing for the person named last. */
const MONARCHS = officeData.titles.find((t) => t[0] === "Monarch")?.slice(1) ?? [];
const EPITHET_NOUNS = new Set([...officeData.epithets, ...MONARCHS, "us-präsident", "analyst", "experte", "general"].map(fold));
/** An epithet noun, also as the head of a compound ("die Neos-Politikerin", "der CDU-Politiker"). */
const isEpithetNoun = (x: string) => EPITHET_NOUNS.has(x) || EPITHET_NOUNS.has(x.slice(x.lastIndexOf("-") + 1));
const EPITHET = { test: (label: string) => /^(?:der|die) (\S+)$/.exec(label)?.slice(1).some(isEpithetNoun) === true };

/** Nouns for a person of a nation ("der Portugiese", "die Iranerin"), derived from the demonym adjectives: an epithet. */
const NATIONALITY = new Set<string>([
  ...Object.keys(demonymData.nouns).map(fold),
  ...Object.keys(demonymData.adjectives).flatMap((a) => {
    const f = fold(a);
    const base = f.endsWith("isch") ? f.slice(0, -4) : f;
    return [`${base}e`, `${base}er`, `${base}erin`, `${base}in`, `${f}e`];
  }),
]);

interface Span {
  start: number;
  end: number; // exclusive, after the closing mark
  inner: [number, number];
}

/** Quotation spans in the text: an opener and its nearest closer, not across a blank line, nested quotes inside. */
export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < text.length) {
    // Jump to the next quotation mark that can open a quote.
    OPENER_MARK.lastIndex = i;
    const next = OPENER_MARK.exec(text);
    if (!next) break;
    i = next.index;
    const c = text[i]!;
    const closers = OPENERS[c]!;
    if ((c === '"' || c === "“") && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    let found = -1;
    while (j < text.length && j - i < 2500) {
      const d = text[j]!;
      if (d === "\n" && text[j + 1] === "\n") break;
      if (closers.includes(d) && !(d === "’" && /\p{L}/u.test(text[j + 1] ?? ""))) {
        found = j;
        break;
      }
      // A nested quote of another style is skipped whole.
      if (d !== c && (d === "‚" || (d === "»" && c === "„"))) {
        const inner = OPENERS[d]!;
        let k = j + 1;
        while (k < text.length && !inner.includes(text[k]!) && k - j < 600) k++;
        j = k + 1;
        continue;
      }
      j += 1;
    }
    if (found < 0) {
      i += 1;
      continue;
    }
    let a = i + 1;
    let b = found;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: i, end: found + 1, inner: [a, b] });
    i = found + 1;
  }
  return out;
}

interface Speaker {
  key: string | null;
  label: string;
  actor: string | null;
}

/** Extracts direct and indirect quotes with their speakers. */
export function extractQuotes(input: QuoteInput): FoundQuote[] {
  const { text, sentences, resolution } = input;
  const spans = quoteSpans(text);
  const refsBySentence = new Map<number, Ref[]>();
  for (const r of resolution.refs) {
    const l = refsBySentence.get(r.m.sentence) ?? [];
    l.push(r);
    refsBySentence.set(r.m.sentence, l);
  }
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of input.dates ?? []) {
    const l = datesBySentence.get(d.sentence) ?? [];
    l.push(d);
    datesBySentence.set(d.sentence, l);
  }
  const out: FoundQuote[] = [];
  let lastSpeaker: { s: Speaker; sentence: number } | null = null;
  let lastPerson: { key: string; label: string; sentence: number } | null = null;
  let lastMedia: { key: string; label: string; sentence: number } | null = null;
  let spanIdx = 0;

  for (const s of sentences) {
    const words = wordsOf(s);
    const refs = refsBySentence.get(s.index) ?? [];
    const mine: Span[] = [];
    while (spanIdx < spans.length && spans[spanIdx]!.start < s.end) {
      if (spans[spanIdx]!.start >= s.start) mine.push(spans[spanIdx]!);
      spanIdx += 1;
    }
    // Most sentences hold neither a quote nor a verb of saying: only remember who was named.
    if (!mine.length && !words.some((w) => !w.cap && SPEECH.has(w.f))) {
      const first = refs.find((r) => r.actor && r.m.kind === "person" && !r.m.modifier);
      if (first) lastPerson = { key: first.actor!, label: first.m.name, sentence: s.index };
      const media = refs.filter((r) => r.m.kind === "media" && r.actor).pop();
      if (media) lastMedia = { key: media.actor!, label: media.m.name, sentence: s.index };
      if (lastSpeaker && !(KONJUNKTIV.test(s.text.toLowerCase()) || words.some((w) => isKonjunktiv(words, w.i))) && s.index - lastSpeaker.sentence > 1) lastSpeaker = null;
      continue;
    }
    const inQuote = (o: number) => mine.some((q) => o >= q.start && o < q.end);
    const frame = words.filter((w) => !inQuote(w.start));
    const personRefs = refs.filter((r) => r.actor && r.m.kind === "person" && !inQuote(r.m.start));
    const firstPerson = personRefs.find((r) => !r.m.modifier);
    const saidOn = (datesBySentence.get(s.index) ?? []).find((d) => !inQuote(d.start))?.date.value ?? null;

    const resolvePronoun = (): Speaker | null => {
      const cands = [lastSpeaker?.s.key ? { key: lastSpeaker.s.key, label: lastSpeaker.s.label, sentence: lastSpeaker.sentence } : null, lastPerson].filter(Boolean) as { key: string; label: string; sentence: number }[];
      const best = cands.sort((a, b) => b.sentence - a.sentence)[0];
      if (!best || s.index - best.sentence > 3) return null;
      return { key: best.key, label: best.label, actor: best.key };
    };
    const fromRef = (r: Ref): Speaker => {
      if (r.m.kind === "person" || (!r.m.anonymous && r.m.kind !== "state")) return { key: r.actor!, label: r.m.name, actor: r.actor! };
      return { key: null, label: r.m.text, actor: r.actor ?? null };
    };

    /** The speaker named after a verb of saying at frame position `vi` (index into words). */
    const speakerAfterVerb = (vi: number): Speaker | null => {
      const k = vi + 1;
      const clauseEnd = (() => {
        let e = k;
        while (e < words.length && !/^[,;.:]$/.test(words[e]!.text) && !inQuote(words[e]!.start)) e++;
        return e;
      })();
      // "unter Berufung auf X": X is the source.
      for (let j = k; j < clauseEnd - 2; j++) {
        if (words[j]!.f === "berufung" && words[j + 1]?.f === "auf") {
          const r = refs.find((x) => x.actor && x.m.start >= words[j + 2]!.start && x.m.start < words[clauseEnd - 1]!.end);
          if (r && r.m.kind === "person") return fromRef(r);
          return { key: null, label: labelFrom(words, j + 2, clauseEnd), actor: r?.actor ?? null };
        }
      }
      const w = words[k];
      if (!w) return null;
      if (PRONOUN_SUBJ.has(w.f) || PRONOUN_OBJ.has(w.f)) return resolvePronoun();
      // "hieß es in der Mitteilung": no named speaker.
      if (w.f === "es") return { key: null, label: words.slice(k + 1, Math.min(clauseEnd, k + 5)).map((x) => x.text).join(" ") || "unbekannt", actor: null };
      // "so das Portal": a definite media noun stands for the outlet named before.
      if (ARTICLE_DEF.has(w.f) && MEDIA_NOUN.test(words[k + 1]?.f ?? "") && !refs.some((x) => x.m.kind === "media" && x.m.start === words[k + 2]?.start)) {
        const outlet = lastMedia && s.index - lastMedia.sentence <= 3 ? lastMedia : null;
        if (outlet) return { key: outlet.key, label: outlet.label, actor: outlet.key };
      }
      // Skip a media source right after the verb ("zitierte Channel 12 hochrangige Beamte"); a name after a
      // preposition ("schrieb der Republikaner auf der Plattform Truth Social") is not the speaker.
      let r = refs.find((x) => x.actor && !x.m.modifier && x.m.start >= w.start && x.m.start < words[clauseEnd - 1]!.end && !PREP.test(prepOf(words, x.m.start)));
      if (r && r.m.kind === "media") {
        const after = words.findIndex((x) => x.start >= r!.m.end);
        const next = refs.find((x) => x !== r && x.actor && x.m.start >= r!.m.end && x.m.start < words[clauseEnd - 1]!.end);
        if (next && next.m.kind !== "media") r = next;
        else if (after >= 0 && after < clauseEnd && PRONOUN_OBJ.has(words[after]!.f)) return resolvePronoun();
        else if (after >= 0 && after < clauseEnd && ANON_HEADS.has(lastNounOf(words, after, clauseEnd))) return { key: null, label: labelFrom(words, after, clauseEnd), actor: null };
        else return fromRef(r);
      }
      // An anonymous or epithet noun phrase before any named person.
      const label = labelFrom(words, k, clauseEnd);
      // "sagte der Sprecher des Außenministeriums, Madschid al-Ansari, …": the name in apposition is the speaker.
      if (words[clauseEnd]?.text === ",") {
        const next = words[clauseEnd + 1];
        const named = next ? refs.find((x) => x.m.kind === "person" && x.actor && x.m.start === next.start) : undefined;
        if (named && !refs.some((x) => x.m.kind === "person" && x.m.start >= w.start && x.m.start < next!.start)) return fromRef(named);
      }
      const epithet = EPITHET.test(fold(label)) || /^(?:der|die) (\S+)$/.exec(fold(label))?.slice(1).some((x) => NATIONALITY.has(x)) === true;
      if (epithet && lastPerson && s.index - lastPerson.sentence <= 3) return { key: lastPerson.key, label: lastPerson.label, actor: lastPerson.key };
      if (r && r.m.start === w.start) return fromRef(r);
      if (r && r.m.kind === "person" && !ANON_HEADS.has(lastNounOf(words, k, clauseEnd))) return fromRef(r);
      if (label && ANON_HEADS.has(lastNounOf(words, k, clauseEnd))) return { key: null, label, actor: r?.actor ?? null };
      if (r) return fromRef(r);
      return label ? { key: null, label, actor: null } : null;
    };

    /** The subject of the sentence's frame: a person named before `until`, else the first actor reference, or a pronoun. */
    const subjectOf = (until: number): Speaker | null => {
      let first: Speaker | null = null;
      for (const w of frame) {
        if (w.start >= until) break;
        if (PRONOUN_SUBJ.has(w.f) && w.i <= 2 && !first) return resolvePronoun();
        // A genitive qualifies a noun ("Irans Angebot sei «das Papier nicht wert»"): it is not who speaks.
        const r = refs.find((x) => x.m.start === w.start && x.actor && !x.m.modifier && !x.m.genitive);
        if (!r) continue;
        if (/^(?:mit|gegenuber|von|vom|laut|bei|uber|fur|nach|zu|aus|in|im|an|auf|des)$/.test(words[w.i - 1]?.f ?? "")) continue;
        if (r.m.kind === "person") return fromRef(r);
        if (!first) first = fromRef(r);
      }
      return first;
    };

    const speechIdx = frame.filter((w) => SPEECH.has(w.f) && !w.cap).map((w) => w.i);
    const hasSpeech = speechIdx.length > 0 || (frame.some((w) => w.f === "als") && frame.some((w) => /^(?:bezeichne|nannte|beschrieb)/.test(w.f)));
    const passiveCited = frame.findIndex((w) => /^(?:zitiert|wiedergegeben)$/.test(w.f));
    let sentenceSpeaker: Speaker | null = null;

    // One quote's speaker and record, in a function of its own: the optimising compiler then handles it apart from
    // the sentence loop, instead of recompiling one very large function each time new object shapes reach it.
    const addQuote = (q: Span): void => {
        const inner = text.slice(q.inner[0], q.inner[1]).trim();
        const nWords = inner.split(/\s+/).length;
        // Names and labels in quotes ("Think Tank „United Against Nuclear Iran“", «Axios») are not statements.
        if (refs.some((r) => r.m.start >= q.inner[0] && r.m.end <= q.inner[1] + 1 && r.m.end - r.m.start >= inner.length - 1)) return;
        const afterWords = words.filter((w) => w.start >= q.end);
        const beforeWords = words.filter((w) => w.end <= q.start);
        let speaker: Speaker | null = null;
        // 1. ", sagte X" right after the quote.
        const a0 = afterWords[0]?.text === "," ? afterWords[1] : afterWords[0]?.text === "." ? undefined : afterWords[0];
        if (a0 && SPEECH.has(a0.f)) speaker = speakerAfterVerb(a0.i);
        else if (a0 && a0.f === "so") speaker = speakerAfterVerb(a0.i);
        else if (a0 && /^(?:wurde|wurden)$/.test(a0.f) && passiveCited > a0.i) {
          const end = passiveCited;
          const r = refs.find((x) => x.actor && x.m.start > a0.end && wordIndex(words, x.m.start) < end);
          const label = labelFrom(words, a0.i + 1, end);
          speaker = r && r.m.kind === "person" ? fromRef(r) : { key: null, label, actor: r?.actor ?? null };
        } else if (a0 && a0.text === "," && afterWords[2] && SPEECH.has(afterWords[2].f)) speaker = speakerAfterVerb(afterWords[2].i);
        // 2. "X antwortete: „…“".
        if (!speaker && beforeWords.length && beforeWords[beforeWords.length - 1]!.text === ":") {
          // "Orbán blockiert … – Merz: „…“": the name right before the colon speaks.
          const colon = beforeWords[beforeWords.length - 1]!;
          const named = refs.find((r) => r.actor && r.m.kind === "person" && !r.m.modifier && r.m.end <= colon.start && colon.start - r.m.end <= 1);
          speaker = named ? fromRef(named) : subjectOf(q.start);
        }
        // A relative clause of saying ("Faisal bin Farhan, der die Gespräche als „…“ bezeichnete"): its antecedent.
        if (!speaker && beforeWords.length) {
          const rel = beforeWords.findLastIndex((w, i) => /^(?:der|die)$/.test(w.f) && beforeWords[i - 1]?.text === ",");
          const comma = rel > 0 ? beforeWords[rel - 1]! : undefined;
          const named = comma ? refs.find((r) => r.actor && r.m.kind === "person" && !r.m.modifier && r.m.end <= comma.start && comma.start - r.m.end <= 1) : undefined;
          if (named && hasSpeech) speaker = fromRef(named);
        }
        // 3a. "Laut X dürfe …", "X zufolge": the cited source speaks.
        if (!speaker) {
          const cited = refs.find((r) => {
            if (!r.actor || r.m.kind !== "person" || r.m.modifier || inQuote(r.m.start)) return false;
            const wi = wordIndex(words, r.m.start);
            const endWi = wordIndex(words, r.m.end - 1);
            return words[wi - 1]?.f === "laut" || words[endWi + 1]?.f === "zufolge";
          });
          if (cited) speaker = fromRef(cited);
        }
        // 3. A partial quote in a sentence of saying.
        if (!speaker && beforeWords.length && (hasSpeech || (KONJUNKTIV.test(frame.map((w) => w.text).join(" ").toLowerCase()) || frame.some((w) => isKonjunktiv(words, w.i))))) {
          const verbAfter = speechIdx.find((vi) => words[vi]!.start > q.end);
          const verbBefore = speechIdx.filter((vi) => words[vi]!.end < q.start);
          const lastBefore = verbBefore[verbBefore.length - 1];
          if (verbAfter !== undefined && !verbBefore.length) speaker = speakerAfterVerb(verbAfter) ?? subjectOf(q.start);
          // "zitierte ihn X mit den Worten", "so das Portal": the speaker follows the verb.
          else if (lastBefore !== undefined && /^(?:so|zitierte|zitiert|zitierten)$/.test(words[lastBefore]!.f)) speaker = speakerAfterVerb(lastBefore);
          else {
            const subject = subjectOf(q.start);
            // Reported speech with no verb of saying ("Über Raketen werde Teheran «unter keinen Umständen» verhandeln")
            // continues the last speaker; a state or body as its subject is what is spoken about.
            const continues: boolean = !hasSpeech && !!lastSpeaker && s.index - lastSpeaker.sentence <= 2 && !subject?.key?.startsWith("person:");
            speaker = continues ? lastSpeaker!.s : subject ?? (verbAfter !== undefined ? speakerAfterVerb(verbAfter) : null);
          }
        }
        // 4. A quote standing alone continues the statement before it.
        if (!speaker && !beforeWords.some((w) => w.word) && !afterWords.some((w) => w.word) && lastSpeaker && s.index - lastSpeaker.sentence <= 2) {
          speaker = lastSpeaker.s;
        }
        // 5. A partial quote in reported speech with no speaker of its own continues the previous speaker's words.
        if (!speaker && (KONJUNKTIV.test(frame.map((w) => w.text).join(" ").toLowerCase()) || frame.some((w) => isKonjunktiv(words, w.i))) && lastSpeaker && s.index - lastSpeaker.sentence <= 2) {
          speaker = lastSpeaker.s;
        }
        if (!speaker) return;
        // One quoted word is a scare quote unless it is what reported speech says something is ("sei »wertlos«").
        if (nWords < 2 && !hasSpeech && !/^(?:sei|seien|ware|waren|bleibe|bleiben)$/.test(beforeWords[beforeWords.length - 1]?.f ?? "")) return;
        out.push({
          speaker: speaker.key, speakerLabel: speaker.label || "unbekannt", text: inner, mode: "direct",
          mention: { start: q.inner[0], end: q.inner[1], text: inner, sentence: s.index }, saidOn, speakerActor: speaker.actor,
        });
        sentenceSpeaker = speaker;
    };
    for (const q of mine) addQuote(q);

    // Indirect speech: a clause in the Konjunktiv next to a verb of saying, with no quote marks.
    if (!mine.length && speechIdx.length) {
      const vi = speechIdx[0]!;
      const before = words.slice(0, vi).filter((w) => w.word);
      const commaBefore = words[vi - 1]?.text === ",";
      let speaker: Speaker | null = null;
      let from = 0;
      let to = words.length;
      if (commaBefore) {
        speaker = speakerAfterVerb(vi);
        to = vi - 1;
      } else {
        speaker = subjectOf(words[vi]!.start) ?? speakerAfterVerb(vi);
        const comma = words.findIndex((w) => w.i > vi && w.text === ",");
        from = comma >= 0 ? comma + 1 : vi + 1;
        if (words[from]?.f === "dass") from += 1;
      }
      const clause = from < to && words[from] && words[to - 1] ? text.slice(words[from]!.start, words[to - 1]!.end) : "";
      if (speaker && clause && before.length && (KONJUNKTIV.test(clause.toLowerCase()) || words.slice(from, to).some((w) => isKonjunktiv(words, w.i))) && clause.split(/\s+/).length >= 4) {
        out.push({
          speaker: speaker.key, speakerLabel: speaker.label || "unbekannt", text: clause.replace(/[.\s]+$/, ""), mode: "indirect",
          mention: { start: words[from]!.start, end: words[to - 1]!.end, text: clause, sentence: s.index }, saidOn, speakerActor: speaker.actor,
        });
        sentenceSpeaker = speaker;
      }
    }

    if (sentenceSpeaker) lastSpeaker = { s: sentenceSpeaker, sentence: s.index };
    else if (speechIdx.length && firstPerson) lastSpeaker = { s: fromRef(firstPerson), sentence: s.index };
    else if (!(KONJUNKTIV.test(s.text.toLowerCase()) || words.some((w) => isKonjunktiv(words, w.i))) && !mine.length) lastSpeaker = lastSpeaker && s.index - lastSpeaker.sentence <= 1 ? lastSpeaker : null;
    if (firstPerson) lastPerson = { key: firstPerson.actor!, label: firstPerson.m.name, sentence: s.index };
    const media = refs.filter((r) => r.m.kind === "media" && r.actor).pop();
    if (media) lastMedia = { key: media.actor!, label: media.m.name, sentence: s.index };
  }
  return out;
}

const ARTICLE_DEF = new Set(["das", "die", "der", "dem", "den"]);
const MEDIA_NOUN_SET = new Set([...mediaData.mediaNouns, "blatt", "medium"].map(fold));
const MEDIA_NOUN = { test: (f: string) => MEDIA_NOUN_SET.has(f) };

/** The word before a mention, skipping articles and adjectives (its governing preposition, if any). */
function prepOf(words: Word[], offset: number): string {
  const wi = wordIndex(words, offset);
  for (let k = wi - 1; k >= Math.max(0, wi - 4); k--) {
    const f = words[k]!.f;
    if (ARTICLE_DEF.has(f) || f === "des" || f === "einer" || f === "einem" || f === "eines") continue;
    if (!words[k]!.cap && /(?:e|en|er|es|em)$/.test(f) && !PREP.test(f)) continue;
    if (words[k]!.cap && k !== wi - 1) return "";
    if (words[k]!.cap) continue;
    return f;
  }
  return "";
}

const wordIndex = wordIndexAt;

/** The noun phrase from `from` up to a preposition, comma or particle (at most seven words). */
function labelFrom(words: Word[], from: number, to: number): string {
  const parts: string[] = [];
  if (words[from] && PREP.test(words[from]!.f) && words[from - 1]?.f !== "es") return "";
  for (let k = from; k < Math.min(to, from + 7); k++) {
    const w = words[k]!;
    // A particle ends the phrase ("fügte der Beamte hinzu"); it never starts one ("ein Beamter").
    if (!w.word || (parts.length && (STOP_LABEL.has(w.f) || PARTICLES.has(w.f) || PARTICLE_ENDINGS.has(w.f)))) break;
    parts.push(w.text);
  }
  return parts.join(" ");
}

const PARTICLE_ENDINGS = new Set(["hinzu", "mit", "ein", "an", "vor", "klar"]);

/** The last word of the noun phrase starting at `from` (its head), folded. */
function lastNounOf(words: Word[], from: number, to: number): string {
  const label = labelFrom(words, from, to).split(/\s+/);
  return fold(label[label.length - 1] ?? "").replace(/^[\p{L}]+-/u, "");
}
