import { describe, expect, it } from "vitest";
import { wrapLabel } from "../src/components/viz/format.ts";
import { articleTitle, fileBaseName } from "../src/lib/format.ts";
import { groupByIdWithRoles, groupParticipants, rolesLabel } from "../src/lib/participants.ts";

describe("timeline lane labels", () => {
  it("wraps a long name at spaces and keeps all of it (joined, the lines are the name)", () => {
    const lines = wrapLabel("Mediate between parties", 21);
    expect(lines).toEqual(["Mediate between ", "parties"]);
    expect(lines.join("")).toBe("Mediate between parties");
    for (const l of lines) expect(l.trimEnd().length).toBeLessThanOrEqual(21);
  });

  it("keeps a short name on one line and splits a word longer than a line without losing letters", () => {
    expect(wrapLabel("Negotiate", 21)).toEqual(["Negotiate"]);
    const lines = wrapLabel("Internationale Atomenergiebehörde-Sonderbeauftragte", 21);
    expect(lines.join("")).toBe("Internationale Atomenergiebehörde-Sonderbeauftragte");
    for (const l of lines) expect(l.trimEnd().length).toBeLessThanOrEqual(21);
  });
});

describe("participants with several roles", () => {
  const ps = [
    { id: "trump", name: "Donald Trump", role: "initiator" },
    { id: "bibi", name: "Benjamin Netanjahu", role: "initiator" },
    { id: "iran", name: "Iran", role: "target" },
    { id: "bibi", name: "Benjamin Netanjahu", role: "participant" },
    { id: "trump", name: "Donald Trump", role: "participant" },
    { id: "trump", name: "Donald Trump", role: "participant" },
  ];

  it("lists each actor once, in order of first appearance, with its roles", () => {
    expect(groupParticipants(ps)).toEqual([
      { id: "trump", name: "Donald Trump", roles: ["initiator", "participant"] },
      { id: "bibi", name: "Benjamin Netanjahu", roles: ["initiator", "participant"] },
      { id: "iran", name: "Iran", roles: ["target"] },
    ]);
  });

  it("lists an actor's event once with both roles", () => {
    const events = [
      { id: "e1", summary: "Treffen", role: "initiator" },
      { id: "e2", summary: "Drohung", role: "initiator" },
      { id: "e1", summary: "Treffen", role: "participant" },
    ];
    expect(groupByIdWithRoles(events).map((e) => [e.id, rolesLabel(e.roles)])).toEqual([
      ["e1", "initiator and participant"],
      ["e2", "initiator"],
    ]);
    expect(rolesLabel(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("article labels", () => {
  it("name an untitled article after its file's base name, never the server's path", () => {
    expect(articleTitle("USA und Iran", "/srv/x/002.txt")).toBe("USA und Iran");
    expect(articleTitle(null, "/work/shared/corpus/seeds/004_7513.txt")).toBe("Untitled article (004_7513.txt)");
    expect(articleTitle("  ", "C:\\corpus\\a.txt")).toBe("Untitled article (a.txt)");
    expect(articleTitle(null)).toBe("Untitled article");
    expect(fileBaseName("/work/shared/corpus/seeds/002_9bba.txt")).toBe("002_9bba.txt");
    expect(fileBaseName("pasted text")).toBe("pasted text");
  });
});
