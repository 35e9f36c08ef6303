import { describe, expect, it } from "vitest";
import type { Published } from "@lagebild/model";
import { lexicon } from "../src/gazetteer.ts";
import { findDates } from "../src/stages/dates.ts";
import { extractEvents } from "../src/stages/events.ts";
import { findMentions } from "../src/stages/mentions.ts";
import { resolveEntities } from "../src/stages/resolve.ts";
import { splitSentences } from "../src/stages/sentences.ts";

const lex = lexicon();
function events(text: string, published = "2026-02-06") {
  const sentences = splitSentences(text);
  const resolution = resolveEntities({ mentions: findMentions({ text, sentences, lexicon: lex }), lexicon: lex });
  const pub: Published = { value: published, precision: "day", window: [published, published], source: "front-matter" };
  return extractEvents({ text, sentences, resolution, dates: findDates(sentences, { value: published }), published: pub, demonyms: lex.demonyms, prefixes: lex.prefixes, article: "h" });
}

describe("extractEvents", () => {
  it("reads kind, initiator, target, place and the date of the clause", () => {
    const [e] = events("Russland griff am Dienstag die Stadt Charkiw mit Drohnen an.");
    expect(e).toMatchObject({ kind: "attack", status: "reported", places: ["place:charkiw"], date: { value: "2026-02-03", precision: "day" } });
    expect(e!.participants).toEqual([{ actor: "state:RU", role: "initiator" }]);
    const [t] = events("Der Präsident drohte dem Iran mit Angriffen.");
    expect(t).toMatchObject({ kind: "threaten", participants: [{ actor: "state:IR", role: "target" }] });
  });

  it("marks planned, cancelled and hypothetical events", () => {
    expect(events("Außenminister Jan Novak wird voraussichtlich am Freitag Israel besuchen.")[0]).toMatchObject({ kind: "consult", status: "planned", places: ["country:IL"] });
    const cancelled = events("Die für Freitag geplanten Verhandlungen zwischen Serbien und dem Kosovo wurden abgesagt, wie Medien am Mittwoch berichteten.", "2026-02-05");
    expect(cancelled.map((e) => [e.kind, e.status, e.date?.value])).toEqual([["negotiate", "cancelled", "2026-02-06"], ["reject", "reported", "2026-02-04"]]);
    expect(cancelled[0]!.participants.map((p) => p.actor)).toEqual(["state:RS", "state:XK"]);
    expect(events("Beide Seiten könnten sich schon bald in der Türkei treffen.")[0]).toMatchObject({ kind: "consult", status: "hypothetical", date: null });
  });

  it("places events in smaller cities and regions of international news (Balkans, Sudan, Ukraine)", () => {
    expect(events("Die Armee beschoss am Sonntag Dörfer bei Mitrovica.")[0]).toMatchObject({ kind: "attack", places: ["place:mitrovica"] });
    expect(events("Milizen griffen am Dienstag Stellungen in Nord-Kordofan an.")[0]!.places).toEqual(["place:kordofan"]);
    expect(events("Russland griff in der Nacht Krywyj Rih mit Raketen an.")[0]!.places).toEqual(["place:krywyj-rih"]);
  });

  it("makes events of arrivals, arrests, incidents at sea, votes on resolutions and the start of a war", () => {
    expect(events("Die Gesandte traf am Mittwochabend in Wien ein.")[0]).toMatchObject({ kind: "consult", places: ["place:wien"], date: { value: "2026-02-04" } });
    expect(events("Der Außenminister landete am Dienstagmorgen in Pristina.")[0]).toMatchObject({ kind: "consult", places: ["place:pristina"], date: { value: "2026-02-03" } });
    expect(events("Eine Rakete landete am Dienstag in einem Feld bei Charkiw.").map((e) => e.kind)).not.toContain("consult");
    expect(events("Die Polizei nahm am Samstag in Belgrad drei Aktivisten fest.")[0]).toMatchObject({ kind: "crackdown", places: ["place:belgrad"], date: { value: "2026-01-31" } });
    expect(events("Zwei Schnellboote näherten sich der Fregatte bis auf 200 Meter.")[0]).toMatchObject({ kind: "threaten" });
    expect(events("Die Abstimmung über den Resolutionsentwurf findet am Donnerstag statt.")[0]).toMatchObject({ kind: "agree", date: { value: "2026-02-05" } });
    expect(events("Im April 2023 begann der Krieg im Sudan.")[0]).toMatchObject({ kind: "attack", places: ["country:SD"], date: { value: "2023-04" } });
    expect(events("Der Krieg im Sudan ist eine Katastrophe.")).toEqual([]);
  });

  it("makes attacks of missiles fired and of a city covered with drones, visits of inspections, and places talks by a city's adjective", () => {
    expect(events("In der Nacht zu Mittwoch hatte die Armee zwanzig Raketen auf Charkiw abgefeuert.")[0]).toMatchObject({ kind: "attack", places: ["place:charkiw"], date: { value: "2026-02-04" } });
    expect(events("Die Besatzung feuerte am Dienstag Warnschüsse ab.").map((e) => e.kind)).not.toContain("attack");
    expect(events("Russland hatte Charkiw am Montag mit Drohnen überzogen.")[0]).toMatchObject({ kind: "attack", places: ["place:charkiw"] });
    expect(events("Die Debatte hatte das Land am Montag mit Vorwürfen überzogen.").map((e) => e.kind)).not.toContain("attack");
    expect(events("Am Samstag haben Inspektoren die Anlage in Isfahan besichtigt.")[0]).toMatchObject({ kind: "consult", places: ["place:isfahan"], date: { value: "2026-01-31" } });
    expect(events("Die Minister kamen am Dienstag in der Residenz des Botschafters in Wien zusammen.")[0]).toMatchObject({ kind: "consult", places: ["place:wien"], date: { value: "2026-02-03" } });
    expect(events("Die Gespräche, die am Dienstag in Wien stattgefunden hatten, sollen weitergehen.")[0]).toMatchObject({ places: ["place:wien"], date: { value: "2026-02-03" } });
    expect(events("Der UN-Generalsekretär begrüßte am Montag die Einigung auf eine Waffenruhe.").map((e) => e.kind)).toContain("support");
    expect(events("Indien wies am Freitag zwei pakistanische Diplomaten aus.")[0]).toMatchObject({ kind: "sanction", date: { value: "2026-02-06" } });
    expect(events("Indien wies am Freitag die Vorwürfe zurück.").map((e) => e.kind)).not.toContain("sanction");
    expect(events("Österreich bot am Samstag an, die nächste Runde auszurichten.").map((e) => e.kind)).toContain("agree");
    expect(events("Die Wiener Gespräche vom Dienstag endeten ohne Ergebnis.")[0]).toMatchObject({ kind: "negotiate", places: ["place:wien"], date: { value: "2026-02-03" } });
  });

  it("makes a rejection of a statement to the media that calls something unacceptable", () => {
    const [e] = events("Der Senator sagte dem Sender CNN am Dienstag, ein solcher Kompromiss sei inakzeptabel.");
    expect(e).toMatchObject({ kind: "reject", date: { value: "2026-02-03" } });
  });

  it("gives a stance told in reported speech without a subject of its own to the speaker", () => {
    const [e] = events("Auf die Souveränität über den Norden werde man niemals verzichten, sagte Aleksandar Vučić am Freitag.");
    expect(e).toMatchObject({ kind: "reject", participants: [{ actor: "person:aleksandar-vucic", role: "initiator" }] });
    const [d] = events("Der serbische Präsident Aleksandar Vučić sagte, ein solcher Plan sei inakzeptabel.");
    expect(d).toMatchObject({ kind: "reject", participants: [{ actor: "person:aleksandar-vucic", role: "initiator" }] });
  });

  it("dates a speaker's stance by the day the sentence before told of that speaker", () => {
    const text = "Aleksandar Vučić schlug am Donnerstag einen scharfen Ton an. Auf den Norden werde man niemals verzichten, sagte Vučić.";
    expect(events(text)[0]).toMatchObject({ kind: "reject", date: { value: "2026-02-05" } });
    const other = "Edi Rama schlug am Donnerstag einen scharfen Ton an. Auf den Norden werde man niemals verzichten, sagte Vučić.";
    expect(events(other)[0]).toMatchObject({ kind: "reject", date: { value: "2026-02-06", resolution: { rule: "publication-date" } } });
  });

  it("marks as planned a happening whose own date lies after the publication day", () => {
    const [agreed, talks] = events("Serbien und der Kosovo hatten in Brüssel vereinbart, Mitte März erneut zu verhandeln.");
    expect(agreed).toMatchObject({ kind: "agree", status: "reported" });
    expect(talks).toMatchObject({ kind: "negotiate", status: "planned", date: { value: "2026-03" } });
    expect(events("Serbien und der Kosovo verhandelten im Januar in Brüssel.")[0]).toMatchObject({ status: "reported", date: { value: "2026-01" } });
  });

  it("counts the speaker among the parties of talks told in the speaker's words with no party named", () => {
    const [e] = events("Aleksandar Vučić schrieb auf X, die nächste Gesprächsrunde solle Ende März stattfinden.");
    expect(e).toMatchObject({ kind: "negotiate", status: "planned", participants: [{ actor: "person:aleksandar-vucic", role: "participant" }] });
  });

  it("dates a scheduled meeting noun by the date its clause sets ('Der Gipfel ist für den … angesetzt')", () => {
    expect(events("Der Gipfel ist für den 19. März angesetzt.")[0]).toMatchObject({ kind: "consult", status: "planned", date: { value: "2026-03-19" } });
  });

  it("gives the mediator its role", () => {
    const [e] = events("Nach einer ersten Verhandlungsrunde im Oman unter Vermittlung Katars halten sich die USA und der Iran weitere Gespräche offen.");
    expect(e).toMatchObject({ kind: "negotiate", places: ["country:OM"] });
    expect(e!.participants).toContainEqual({ actor: "state:QA", role: "mediator" });
    expect(e!.participants).toContainEqual({ actor: "state:US", role: "initiator" });
  });

  it("makes no event of a noun that only names a topic, and keeps background events with their own date", () => {
    expect(events("Die Gespräche über das Atomprogramm sind schwierig. Verhandlungen gelten als Ausweg.")).toEqual([]);
    const bg = events("Die Lage eskalierte im Juni 2025. Einen Tag später griff Israel den Iran an.");
    expect(bg.map((e) => [e.kind, e.date?.value])).toEqual([["attack", "2025-06"]]);
  });

  it("dates a reported event without a date by the publication day, and says so", () => {
    const [e] = events("Trump drohte der Staatsführung in Teheran mehrfach mit Militärschlägen.", "2026-02-02");
    expect(e!.date).toMatchObject({ value: "2026-02-02", resolution: { kind: "inferred", rule: "publication-date" } });
    expect(e!.participants).toEqual([{ actor: "person:donald-trump", role: "initiator" }, { actor: "state:IR", role: "target" }]);
    expect(e!.places).toEqual([]);
  });

  it("keeps figures a source gives, from the event's sentence or a following 'Dabei' sentence", () => {
    const [e] = events("Das Vorgehen der Sicherheitskräfte gegen Demonstrierende bei den landesweiten Massenprotesten im Januar war brutal. Dabei sollen Tausende, wenn nicht sogar Zehntausende Menschen getötet worden sein.");
    expect(e).toMatchObject({ kind: "crackdown", date: { value: "2026-01" } });
    expect(e!.figures).toEqual([{ what: "getotet", value: "Tausende, wenn nicht sogar Zehntausende", article: "h" }]);
  });

  it("takes a protest and its place and date from a photo caption line", () => {
    const [e] = events("»Nieder mit den USA«: Protest vor dem US-Konsulat in Istanbul (1.2.2026)");
    expect(e).toMatchObject({ kind: "protest", places: ["place:istanbul"], date: { value: "2026-02-01" } });
  });
});

describe("extractEvents: border incidents and diplomatic protest", () => {
  it("reads crossings of a line, warning shots, summoned ambassadors, artillery clashes and closed crossings", () => {
    const kinds = (text: string) => events(text, "2026-01-23").map((e) => e.kind);
    expect(kinds("Rund 20 Soldaten aus dem Norden hätten am Donnerstag die militärische Demarkationslinie überschritten.")).toContain("military_posture");
    expect(kinds("Die Armee gab am Donnerstag Warnschüsse ab.")).toContain("threaten");
    expect(kinds("Die Regierung bestellte am Sonntag den Botschafter Venezuelas ein.")).toContain("accuse");
    expect(kinds("Die Truppen lieferten sich am Montag nahe der Grenze stundenlange Artilleriegefechte.")).toContain("attack");
    expect(kinds("Thailand schloss am Dienstag alle Grenzübergänge.")).toContain("sanction");
    expect(events("Ein Inspektorenteam war am Sonntag in Isfahan abgewiesen worden.", "2026-02-17").map((e) => e.kind)).toContain("reject");
    const strike = events("Die Anlage war bei den US-Luftangriffen im Juni 2025 schwer beschädigt worden.").find((e) => e.kind === "attack");
    expect(strike).toMatchObject({ date: { value: "2025-06" }, participants: [{ actor: "state:US", role: "initiator" }] });
    const wounded = events("Nach Angaben des armenischen Verteidigungsministeriums wurde am Montagabend ein Soldat durch Schüsse von aserbaidschanischer Seite verletzt.", "2026-02-12");
    expect(wounded.find((e) => e.kind === "attack")?.participants.map((p) => p.actor)).toEqual(["state:AZ"]);
    const meeting = events("Eine für Ende vergangener Woche geplante Sitzung der Grenzkommissionen in Gasach war abgesagt worden.", "2026-02-12");
    expect(meeting.find((e) => e.kind === "consult")).toMatchObject({ status: "cancelled" });
    expect(events("Aserbaidschan hatte im September 2023 die Kontrolle über Berg-Karabach übernommen.").find((e) => e.kind === "attack")).toMatchObject({ date: { value: "2023-09" } });
    expect(events("Iranische Behörden verweigerten am Sonntag einem Team von Inspektoren den Zugang zur Anlage in Isfahan.", "2026-02-17").find((e) => e.kind === "reject")).toMatchObject({ date: { value: "2026-02-15" }, places: ["place:isfahan"] });
    expect(events("Peking kritisierte die vergangene Woche verhängten US-Strafmaßnahmen gegen Öltanker.", "2026-02-19").find((e) => e.kind === "sanction")?.participants).toContainEqual({ actor: "state:US", role: "initiator" });
    expect(events("Kremlsprecher Dmitri Peskow hatte am Mittwoch jede Beteiligung Moskaus bestritten.", "2026-05-21").map((e) => e.kind)).toContain("reject");
    expect(events("Zwei Drohnen wurden in der Nacht zu Dienstag von polnischen Kampfjets abgeschossen.", "2026-05-21").map((e) => e.kind)).toContain("attack");
    expect(events("Ende Juli 2024 erlitt die Armee bei Kidal eine schwere Niederlage gegen die Rebellen.", "2026-05-21").find((e) => e.kind === "attack")).toMatchObject({ date: { value: "2024-07" } });
    expect(events("Die EU hatte im vergangenen Jahr einen Teil der Strafmaßnahmen gegen das Kosovo aufgehoben.", "2026-03-05").find((e) => e.kind === "concede")).toMatchObject({ date: { value: "2025" } });
    expect(events("Der Gesandte kündigte an, Washington werde jede Seite, die die Gespräche sabotiert, mit weiteren Sanktionen belegen.", "2026-03-05").map((e) => e.kind)).toContain("threaten");
    expect(events("Der Ausschuss billigte am Mittwoch einen Gesetzentwurf über die Inspektionen.", "2026-03-12").map((e) => e.kind)).toContain("agree");
    expect(events("Iran setzte im Juli 2025 die Zusammenarbeit mit der IAEA weitgehend aus.", "2026-03-12").find((e) => e.kind === "reject")).toMatchObject({ date: { value: "2025-07" } });
    expect(events("Überschattet wurde das Treffen von der Festnahme eines Gemeindevertreters in Zvečan am Wochenende.", "2026-02-24").find((e) => e.kind === "crackdown")).toMatchObject({ date: { value: "2026-02-21" }, places: ["place:zvecan"] });
    // The same verbs without their object tell no such event.
    expect(kinds("Die Kosten überschritten am Montag das Budget.")).not.toContain("military_posture");
    expect(kinds("Die Bäckerei schloss am Montag früher.")).not.toContain("sanction");
  });
});

