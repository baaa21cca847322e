import { describe, expect, it } from "vitest";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import { AskHandler, undefinedTermNotice } from "../../src/handlers/ask/askHandler.js";
import { type AnswerResult, asksForAFigureNow } from "../../src/handlers/ask/askService.js";
import { definesTerm, setsOutSteps, termAsked } from "../../src/handlers/ask/definitionAsked.js";
import { differenceAsked, statesDifference } from "../../src/handlers/ask/differenceAsked.js";
import { FollowUpMemory } from "../../src/handlers/ask/followUp.js";
import { askerRegion, hereAsRegion, introductionOnly, leadFromOtherRegion, otherRegionNotice, otherRegionOf, otherRegionSourcesNotice, type RegionContext, servingAsker, withRegionSwapped } from "../../src/handlers/ask/otherRegion.js";
import { MemoryKeyValueStore } from "../../src/stores/memoryKeyValueStore.js";

describe("termAsked", () => {
  it("reads the term of a question for what something is, also as the first of two questions", () => {
    expect(termAsked("wat is t servicepunt jz+ eigenlijk")).toEqual({ typed: "servicepunt jz+", folded: "servicepunt jz+" });
    expect(termAsked("Wat houdt de verklarende analyse in?")?.folded).toBe("verklarende analyse");
    expect(termAsked("wat betekent een spoedmachtiging?")?.folded).toBe("spoedmachtiging");
    // A remark after the question is not part of it (new-user try of the forty-fourth session).
    expect(termAsked("wat is een gedeelde verklarende analyse precies en wanneer moet die er liggen? casusoverleg volgende week")?.folded).toBe("gedeelde verklarende analyse");
    expect(termAsked("wat is een INT? nooit van gehoord")?.typed).toBe("INT");
    // Nor is the document it names after the term (second new-user try of that session).
    expect(termAsked("wat wordt er precies bedoeld met de gedeelde verklarende analyse in de nieuwe werkwijze?")?.folded).toBe("gedeelde verklarende analyse");
    expect(termAsked("wat is matched care volgens de regiovisie?")?.folded).toBe("matched care");
    // After a pointing word, in a message that asks two things (new-user try: the INT's open tasks led).
    expect(termAsked("wat is dat INT precies en wie zitten daar in?")?.folded).toBe("int");
    expect(termAsked("wat is een verklarende analyse en wie stelt die op")?.folded).toBe("verklarende analyse");
    expect(termAsked("wat is JIM?")).toEqual({ typed: "JIM", folded: "jim" });
    // Chat filler after the term is no part of it (new-user try: "Wat „INT nou weer” precies is, staat niet …").
    expect(termAsked("wat is dat INT nou weer")).toEqual({ typed: "INT", folded: "int" });
    // A clause on where it came up is no part of the term (new-user try of the forty-second session).
    expect(termAsked("wat is dat INT waar het over gaat en wie zitten daar in?")?.folded).toBe("int");
    expect(termAsked("wat is die GVA waar ze het steeds over hebben?")?.folded).toBe("gva");
    expect(termAsked("wat doet het servicepunt toch?")?.folded).toBe("servicepunt");
    // "wat wordt bedoeld met …", "wat bedoelen ze met …" ask the same (second new-user try of the twenty-seventh session).
    expect(termAsked("Wat wordt bedoeld met HSJ kennis?")?.folded).toBe("hsj kennis");
    expect(termAsked("wat bedoelen ze met matched care?")?.folded).toBe("matched care");
    // … also with the document in between, the term in quotes, and a sentence after it that only
    // narrows it down (set m).
    expect(termAsked("wat bedoelen ze in het actieplan precies met 'evidence based'?")?.folded).toBe("evidence based");
    expect(termAsked("wat bedoelen ze met „matched care”? alleen de zorg of ook de route?")?.folded).toBe("matched care");
    // Quote marks around one word of the term; an apostrophe inside a word stays (new-user try).
    expect(termAsked("wat bedoelen ze met 'gedeelde' verklarende analyse?")).toEqual({ typed: "gedeelde verklarende analyse", folded: "gedeelde verklarende analyse" });
    expect(termAsked("wat is 't servicepunt?")?.folded).toBe("servicepunt");
    // A term may hold such a word, as long as it is not only that.
    expect(termAsked("wat is het juiste loket?")?.folded).toBe("juiste loket");
    expect(termAsked("wat is een verschilanalyse?")?.folded).toBe("verschilanalyse");
    // What a team or role does, asked the same way (verification try: the route's steps answered it).
    expect(termAsked("wat doet het servicepunt precies")).toEqual({ typed: "servicepunt", folded: "servicepunt", verb: "doet" });
    expect(termAsked("wat doet een gedragswetenschapper eigenlijk?")?.folded).toBe("gedragswetenschapper");
    // Where it is, after the term, is no part of it (new-user try: "Wat „expertiseteam in rijnmond” precies doet …").
    expect(termAsked("wat doet het expertiseteam in rijnmond eigenlijk")).toEqual({ typed: "expertiseteam", folded: "expertiseteam", verb: "doet" });
    expect(termAsked("wat is het servicepunt in drenthe?")?.folded).toBe("servicepunt");
    expect(termAsked("wat doet het INT in de nieuwe werkwijze in groningen?")).toBeUndefined();
    // A generic noun after "dat" points back at what was named before (second new-user try of the thirty-sixth session).
    expect(termAsked("en wat doet dat team dan precies?")).toBeUndefined();
    expect(termAsked("wat is die aanpak eigenlijk?")).toBeUndefined();
    // A pointing adverb after it points back too (new-user try of the thirty-ninth session: "Wat „doel daarvan” precies is …").
    expect(termAsked("Ik hoorde dat er een nieuwe werkwijze is. Wat is het doel daarvan?")).toBeUndefined();
    expect(termAsked("wat is de rol hierbij?")).toBeUndefined();
    expect(termAsked("wat is dat servicepunt?")?.folded).toBe("servicepunt");
    // An adverb or particle after a pointing word is no term (first new-user try of the fortieth session: "Wat „precies” precies is …").
    expect(termAsked("en wat is dat precies?")).toBeUndefined();
    expect(termAsked("en wat houdt het in?")).toBeUndefined();
    // What it is set against is no part of it (third new-user try of the thirty-sixth session).
    expect(termAsked("wat bedoelen ze eigenlijk met matched care ipv stepped care?")?.folded).toBe("matched care");
    expect(termAsked("wat is matched care in plaats van stepped care")?.folded).toBe("matched care");
    // What someone does about something is no term (new-user check: "Wat „drenthe aan spoedplaatsingen” precies doet").
    expect(termAsked("wat doet drenthe aan spoedplaatsingen?")).toBeUndefined();
    expect(termAsked("wat doen gemeenten tegen wachtlijsten?")).toBeUndefined();
    // A term alone with a question mark, as chat asks it (verification try): two words or more, or an abbreviation.
    expect(termAsked("gedeelde verklarende analyse?")?.folded).toBe("gedeelde verklarende analyse");
    expect(termAsked("GVA?")?.folded).toBe("gva");
    for (const other of ["en in rijnmond?", "klopt dat?", "spoed?", "Rijnmond?", "machtiging?", "waarom?"]) expect(termAsked(other), other).toBeUndefined();
    // The question after what the message tells first (new-user try of the thirty-seventh session).
    expect(termAsked("in die checklist staat HSJ-kennis. wat is HSJ?")).toEqual({ typed: "HSJ", folded: "hsj" });
    expect(termAsked("De GI belt. wat nu?")).toBeUndefined();
    expect(termAsked("wat is een GVA? wie stelt die op?")?.folded).toBe("gva");
    // How a body or procedure works, asked the same way (test of the thirty-seventh session: a step
    // that names the Servicepunt came back as if it told how the Servicepunt works).
    expect(termAsked("hoe werkt het servicepunt jeugdzorgplus in groningen?")).toEqual({ typed: "servicepunt jeugdzorgplus", folded: "servicepunt jeugdzorgplus", verb: "werkt" });
    expect(termAsked("hoe werken de expertteams eigenlijk?")).toEqual({ typed: "expertteams", folded: "expertteams", verb: "werken" });
    expect(undefinedTermNotice("expertteams", undefined, "werken")).toBe("Hoe „expertteams” precies werken, staat niet in de plandocumenten. Dit zeggen ze er wel over:");
    expect(undefinedTermNotice("servicepunt", undefined, "doet")).toBe("Wat „servicepunt” precies doet, staat niet in de plandocumenten. Dit zeggen ze er wel over:");
  });

  it("leaves questions for more than what a thing is alone", () => {
    for (const question of ["wat is de rol van het NJi in het plan?", "wat is het doel van het suicide preventieplan in het actieplan?", "wat zijn de basisprincipes?", "wat is het telefoonnummer van het servicepunt?", "hoe werkt het in rijnmond?", "hoe werkt dat in drenthe?", "wat is het belangrijkste doel?", "wat is het verschil?", "wat is de huidige planning"]) {
      expect(termAsked(question), question).toBeUndefined();
    }
  });
});

describe("setsOutSteps", () => {
  it("finds a line that names the term and announces its steps, with the list under it", () => {
    const steps = "“In de aanpak van casusregie onderscheidt de regio nu vier stappen:”\n- Stap 1 – Vraaganalyse\n- Stap 2 – Het resultaat [1]";
    expect(setsOutSteps(steps, "casusregie")).toBe(true);
    // Not without the list, nor steps of something else, nor a line that only names the term.
    expect(setsOutSteps("“In de aanpak van casusregie onderscheidt de regio nu vier stappen:” [1]", "casusregie")).toBe(false);
    expect(setsOutSteps(steps, "servicepunt")).toBe(false);
    expect(setsOutSteps("“We zorgen voor een goede casusregie.”\n- Stap 1 [1]", "casusregie")).toBe(false);
  });
});

describe("definesTerm", () => {
  it("tells a line that says what the term is from one that only mentions it", () => {
    expect(definesTerm("Het Servicepunt JeugdzorgPlus is het loket voor consultvragen.", "servicepunt jz+")).toBe(true);
    expect(definesTerm("Met lokale teams bedoelen we ook de wijkteams.", "lokale teams")).toBe(true);
    // A lead-in to its functions says what it does.
    expect(definesTerm("“Het expertiseteam heeft de volgende functies:”\n- Capaciteit.", "expertiseteam")).toBe(true);
    expect(definesTerm("Er wordt gewerkt met JIM (Jouw Informele Mentor), dus …", "jim")).toBe(true);
    expect(definesTerm("- Ontwikkelen en inrichten Integraal Netwerkversterkend Team (INT)", "int")).toBe(true);
    // A Dutch word with a remark in brackets after it is no abbreviation written out (second new-user try of the twenty-seventh session).
    expect(definesTerm("3. Organiseren inzet HSJ kennis (koppelen aan Servicepunt) voor de inzet van een spoedberaad.", "hsj kennis")).toBe(false);
    expect(definesTerm("Het Ondersteuningsteam heeft een ondersteunende en verbindende functie.", "ondersteuningsteam")).toBe(true);
    // By contrast with what it is not (new-user try of the forty-third session).
    expect(definesTerm("Er is geen sprake van volgordelijkheid, maar van matched care.", "matched care")).toBe(true);
    expect(definesTerm("- Matched care i.p.v. stepped care", "matched care")).toBe(false);
    expect(definesTerm("3. Organiseren inzet HSJ kennis (koppelen aan Servicepunt) voor de inzet van een spoedberaad.", "servicepunt jz+")).toBe(false);
    expect(definesTerm("- Een enquête over de regionale expertteams is afgerond.", "expertteam")).toBe(false);
    // Its mission, task or role stated.
    expect(definesTerm("De missie van de Inspectie Gezondheidszorg en Jeugd (IGJ) is dat iedereen kan vertrouwen op goede jeugdhulp.", "inspectie")).toBe(true);
    expect(definesTerm("De rol van het servicepunt is klein.", "servicepunt")).toBe(true);
    expect(definesTerm("De inspectie heeft de missie herzien.", "inspectie")).toBe(false);
    // A list's next item is no part of what the one before says.
    expect(definesTerm("- een gedeelde verklarende analyse opgesteld\n- Is voorafgaand een traject ingezet", "verklarende analyse")).toBe(false);
    // A definition spelled out counts on a line that names the term, not "bij definitie" nor a definition of something else (new-user try).
    expect(definesTerm("Evidence based wordt in dit document als volgt gedefinieerd: gebruikmaken van kennis.", "evidence based")).toBe(true);
    expect(definesTerm("Te laat verklarende analyse Route is bij definitie vertragend", "verklarende analyse")).toBe(false);
    expect(definesTerm("- een verklarende analyse opgesteld\n- Evidence based wordt als volgt gedefinieerd: …", "verklarende analyse")).toBe(false);
  });
});

/** An answer with one source, marked as the test needs it. */
const answered = (text: string, marks: Partial<AnswerResult>): AnswerResult => ({
  status: "answered",
  text,
  mode: "extractive",
  sources: [{ n: 1, documentId: "werkwijze.md", documentTitle: "Werkwijze", section: "Wat moeten we organiseren?", quote: text.slice(1, 30) }],
  moreSources: [],
  ...marks,
});

/** The reply parts' positions: where the answer text stands and where a notice with this text does (−1 when none). */
async function positions(result: AnswerResult, question: string, noticeText: string) {
  const handler = new AskHandler({ answer: async () => result }, new AnswerLog(new MemoryKeyValueStore()));
  const { parts } = await handler.question({ surface: "web", userId: "u1", conversationId: "c1" }, question);
  return { text: parts.findIndex((part) => part.kind === "text"), notice: parts.findIndex((part) => part.kind === "notice" && part.text.includes(noticeText)) };
}

describe("AskHandler under a 'wat is X?' question", () => {
  it("says above the quotes that they do not say what X is, when the answer marks it", async () => {
    const quote = "“3. Organiseren inzet HSJ kennis (koppelen aan Servicepunt) voor de inzet van een spoedberaad.” [1]";
    const marked = await positions(answered(quote, { undefinedTerm: "servicepunt jz+" }), "wat is t servicepunt jz+ eigenlijk", "„servicepunt jz+” precies is, staat niet in de plandocumenten");
    expect(marked.notice).toBeGreaterThanOrEqual(0);
    expect(marked.notice).toBeLessThan(marked.text);
    // Without the mark, no such notice.
    expect((await positions(answered(quote, {}), "wat is t servicepunt jz+ eigenlijk", "precies is")).notice).toBe(-1);
  });
});

describe("a figure asked for as it is now", () => {
  it.each(["hoe lang zijn de wachttijden nu voor jz+?", "hoeveel plekken zijn er op dit moment vrij?", "hoeveel procent komt momenteel met spoed binnen?"])("reads %j as asking for a figure now", (question) => {
    expect(asksForAFigureNow(question)).toBe(true);
  });
  it.each(["wat moet ik nu doen?", "hoe lang duurt een spoedmachtiging?", "wie is op dit moment de voorzitter?"])("does not read %j so", (question) => {
    expect(asksForAFigureNow(question)).toBe(false);
  });

  it("says above the quotes that the documents give no current figure, and when they were written", async () => {
    // New-user try: a 2021 target answered "hoe lang zijn de wachttijden nu?" without a word about when it was written.
    const quote = "“Q1 2021: alle jeugdigen hebben binnen een half jaar zicht op een vast woonperspectief.” [1]";
    const dated = await positions(answered(quote, { figureNow: { years: "2019" } }), "hoe lang zijn de wachttijden nu?", "Je vraagt hoe het nu is. De plandocumenten hieronder zijn van 2019: actuele cijfers staan er niet in.");
    expect(dated.notice).toBeGreaterThanOrEqual(0);
    expect(dated.notice).toBeLessThan(dated.text);
    expect((await positions(answered(quote, { figureNow: {} }), "hoe lang zijn de wachttijden nu?", "Actuele cijfers staan niet in de plandocumenten.")).notice).toBeGreaterThanOrEqual(0);
    expect((await positions(answered(quote, {}), "hoe lang zijn de wachttijden nu?", "Je vraagt hoe het nu is")).notice).toBe(-1);
  });
});

describe("differenceAsked", () => {
  it.each([
    ["wat is het verschil tussen een spoedmachtiging en een reguliere machtiging?", "spoedmachtiging", "reguliere machtiging"],
    ["Wat is t verschil tussen het Servicepunt en het Expertteam", "Servicepunt", "Expertteam"],
    ["hoe verschilt een spoedmachtiging van een machtiging?", "spoedmachtiging", "machtiging"],
    ["verschil spoedmachtiging en reguliere machtiging?", "spoedmachtiging", "reguliere machtiging"],
    ["wat is het verschil spoedmachtiging vs reguliere machtiging", "spoedmachtiging", "reguliere machtiging"],
    // "tussen" as chat shortens it (new-user try: "tss wijkteam" was shown as a term).
    ["wat is t verschil tss wijkteam en jeugdbescherming en wanneer moet ik VT inschakelen", "wijkteam", "jeugdbescherming"],
    // A side ends at a comma (new-user try: "open jeugdhulp, en mag afzonderen nog" was shown as a side).
    ["wat is t verschil tussen gesloten en open jeugdhulp, en mag afzonderen nog?", "gesloten", "open jeugdhulp"],
    ["verschil spoedmachtiging en machtiging, wie vraagt die aan?", "spoedmachtiging", "machtiging"],
  ])("reads %j as a question for a difference", (question, first, second) => {
    expect(differenceAsked(question)).toEqual({ first, second });
  });

  it.each(["wat is het verschil?", "welke verschillen zien ze tussen regio's?", "wat is een spoedmachtiging?", "verschilt het per regio?", "verschil maken voor jongeren en ouders, hoe?"])(
    "reads %j as no question to tell two things apart",
    (question) => {
      expect(differenceAsked(question)).toBeUndefined();
    },
  );
});

describe("statesDifference", () => {
  it("finds a line that sets things against each other, not one that names them side by side", () => {
    expect(statesDifference("Een spoedmachtiging wordt afgegeven terwijl er geen tijd is voor …")).toBe(true);
    expect(statesDifference("Het verschil met een reguliere machtiging is …")).toBe(true);
    expect(statesDifference("- een groot deel van de jongeren (circa 70%) met een spoedmachtiging … (i.p.v. een reguliere machtiging);")).toBe(false);
  });
});

describe("AskHandler under a 'wat is het verschil tussen X en Y?' question", () => {
  it("says above the quotes that they do not tell X and Y apart, when the answer marks it", async () => {
    const quote = "“een groot deel van de jongeren (circa 70%) met een spoedmachtiging … (i.p.v. een reguliere machtiging)” [1]";
    const question = "wat is het verschil tussen een spoedmachtiging en een reguliere machtiging?";
    const text = "Het verschil tussen „spoedmachtiging” en „reguliere machtiging” staat niet met zoveel woorden in de plandocumenten";
    const marked = await positions(answered(quote, { unstatedDifference: { first: "spoedmachtiging", second: "reguliere machtiging" } }), question, text);
    expect(marked.notice).toBeGreaterThanOrEqual(0);
    expect(marked.notice).toBeLessThan(marked.text);
    expect((await positions(answered(quote, {}), question, "Het verschil tussen")).notice).toBe(-1);
  });
});

describe("AskHandler under an answer about a region from plans that never name it", () => {
  it("says so above the quotes, when the answer marks it", async () => {
    const quote = "“Verbeteren van zorg voor jeugdigen die nu in de gesloten jeugdhulp zitten, betekent:” [1]";
    const question = "wat vindt rijnmond van gesloten plaatsingen?";
    const text = "Geen van deze citaten komt uit een plan dat Rijnmond noemt. Dit zeggen de plandocumenten er wel over:";
    const marked = await positions(answered(quote, { placeNotQuoted: "Rijnmond" }), question, text);
    expect(marked.notice).toBeGreaterThanOrEqual(0);
    expect(marked.notice).toBeLessThan(marked.text);
    expect((await positions(answered(quote, {}), question, "Geen van deze citaten")).notice).toBe(-1);
  });
});

describe("AskHandler under an answer from another document than the one asked about", () => {
  it("says so below the quotes", async () => {
    const quote = "“In die gevallen komt de casusregie bij de GI te liggen.” [1]";
    const notice = "Je vraag noemt „Nieuwe werkwijze plaatsing in de JeugdzorgPlus”, maar dit antwoord komt uit een ander plandocument (zie de bronnen).";
    const marked = await positions(answered(quote, { namedElsewhere: "Nieuwe werkwijze plaatsing in de JeugdzorgPlus" }), "wat doet de GI volgens de nieuwe werkwijze?", notice);
    expect(marked.notice).toBeGreaterThan(marked.text);
  });
});

describe("otherRegionOf", () => {
  const regions: Record<string, string | null> = { "rijnmond.md": "Rijnmond", "werkwijze.md": "Groningen en Drenthe", "actieplan.md": "landelijk", "los.md": null };
  const context = (served: string | undefined): RegionContext => ({ served: () => served, documentRegion: (id) => regions[id] });

  it("names the other region when every quoted document is about it and the question does not name it", () => {
    expect(otherRegionOf(["rijnmond.md"], "wat gaat de regio anders doen de komende jaren?", context("Groningen en Drenthe"))).toBe("Rijnmond");
    // "en" in the question does not name "Groningen en Drenthe".
    expect(otherRegionOf(["werkwijze.md"], "wat is het verschil tussen een reguliere machtiging en een spoedmachtiging", context("Rijnmond"))).toBe("Groningen en Drenthe");
    expect(leadFromOtherRegion(["werkwijze.md", "actieplan.md"], "wie beslist over een machtiging? en wat doet de kinderrechter", context("Rijnmond"))).toBe("Groningen en Drenthe");
  });

  it("says nothing when the question names that region, a quote holds everywhere or in the served region, or no region is served", () => {
    expect(otherRegionOf(["rijnmond.md"], "wat gaat rijnmond anders doen?", context("Groningen en Drenthe"))).toBeUndefined();
    expect(otherRegionOf(["rijnmond.md", "actieplan.md"], "wat gaat de regio anders doen?", context("Groningen en Drenthe"))).toBeUndefined();
    expect(otherRegionOf(["rijnmond.md", "los.md"], "wat gaat de regio anders doen?", context("Groningen en Drenthe"))).toBeUndefined();
    expect(otherRegionOf(["werkwijze.md"], "wat gaat de regio anders doen?", context("Groningen en Drenthe"))).toBeUndefined();
    expect(otherRegionOf(["werkwijze.md"], "wat gaat de regio anders doen?", context("groningen-drenthe"))).toBeUndefined();
    expect(otherRegionOf(["rijnmond.md"], "wat gaat de regio anders doen?", context("Rijnmond"))).toBeUndefined();
    expect(otherRegionOf(["rijnmond.md"], "wat gaat de regio anders doen?", context(undefined))).toBeUndefined();
  });
});

describe("leadFromOtherRegion", () => {
  const regions: Record<string, string | null> = { "rijnmond.md": "Rijnmond", "werkwijze.md": "Groningen en Drenthe", "actieplan.md": "landelijk", "los.md": null };
  const context = (served: string | undefined): RegionContext => ({ served: () => served, documentRegion: (id) => regions[id] });

  it("names the other region of the leading quote when the rest is national", () => {
    expect(leadFromOtherRegion(["werkwijze.md", "actieplan.md"], "hoe vraag ik een machtiging aan?", context("Rijnmond"))).toBe("Groningen en Drenthe");
    expect(otherRegionNotice("Groningen en Drenthe", "Rijnmond", true)).toBe("Let op: het eerste citaat komt uit een document over regio Groningen en Drenthe, niet over regio Rijnmond, waarvoor Wegwijs is ingesteld.");
    // "jouw regio" only when the asker said where they work.
    expect(otherRegionNotice("Groningen en Drenthe", "Rijnmond", true, true)).toBe("Let op: het eerste citaat komt uit een document over regio Groningen en Drenthe, niet over jouw regio (Rijnmond).");
  });

  it("says nothing when a quote is from the served region, the lead is national, or the question names the region", () => {
    expect(leadFromOtherRegion(["werkwijze.md", "rijnmond.md"], "hoe vraag ik een machtiging aan?", context("Rijnmond"))).toBeUndefined();
    expect(leadFromOtherRegion(["actieplan.md", "werkwijze.md"], "hoe vraag ik een machtiging aan?", context("Rijnmond"))).toBeUndefined();
    expect(leadFromOtherRegion(["werkwijze.md", "actieplan.md"], "hoe vraag ik in groningen een machtiging aan?", context("Rijnmond"))).toBeUndefined();
    expect(leadFromOtherRegion(["werkwijze.md", "actieplan.md"], "hoe vraag ik een machtiging aan?", context("Groningen en Drenthe"))).toBeUndefined();
  });
});

describe("AskHandler under an answer from another region's document", () => {
  it("says below the quotes which region the answer is about, and only for another region", async () => {
    const rijnmond = (documentId: string): AnswerResult => ({
      ...answered("“De komende jaren organiseren we participatiebijeenkomsten.” [1]", {}),
      sources: [{ n: 1, documentId, documentTitle: "Regiovisie", section: "Participatie", quote: "De komende jaren" }],
    });
    const context: RegionContext = { served: () => "Groningen en Drenthe", documentRegion: (id) => (id === "rijnmond.md" ? "Rijnmond" : "Groningen en Drenthe") };
    const ask = async (result: AnswerResult) => {
      const handler = new AskHandler({ answer: async () => result }, new AnswerLog(new MemoryKeyValueStore()), undefined, context);
      return (await handler.question({ surface: "web", userId: "u1", conversationId: "c1" }, "wat gaat de regio anders doen de komende jaren?")).parts;
    };
    const parts = await ask(rijnmond("rijnmond.md"));
    const notice = parts.findIndex((part) => part.kind === "notice" && part.text === "Let op: dit antwoord komt uit een document over regio Rijnmond, niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld.");
    expect(notice).toBeGreaterThan(parts.findIndex((part) => part.kind === "text"));
    expect((await ask(rijnmond("werkwijze.md"))).some((part) => part.kind === "notice" && part.text.includes("Let op"))).toBe(false);
    // One later quote from another region: that source, by its number.
    const mixed: AnswerResult = {
      ...answered("“Op tijd inbrengen bij Servicepunt en/of Expertteam” [1] “Huisartsen hebben de wettelijke taak om te verwijzen.” [2]", {}),
      sources: [
        { n: 1, documentId: "werkwijze.md", documentTitle: "Werkwijze", section: "Wat kunnen we vanaf morgen anders doen?", quote: "Op tijd inbrengen" },
        { n: 2, documentId: "rijnmond.md", documentTitle: "Regiovisie", section: "Huisartsen", quote: "Huisartsen hebben" },
      ],
    };
    expect((await ask(mixed)).flatMap((part) => (part.kind === "notice" ? [part.text] : []))).toContain("Let op: bron 2 gaat over regio Rijnmond, niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld.");
  });
});

describe("askerRegion", () => {
  const documentRegions: Record<string, string> = { "rijnmond.md": "Rijnmond", "werkwijze.md": "Groningen en Drenthe", "actieplan.md": "landelijk" };
  const places: Record<string, string[]> = { Rijnmond: ["Rotterdam", "Capelle aan den IJssel"], "Groningen en Drenthe": ["Emmen"] };
  const context: RegionContext = {
    served: () => "Groningen en Drenthe",
    documentRegion: (id) => documentRegions[id],
    regions: () => Object.values(documentRegions),
    placesOf: (region) => places[region] ?? [],
  };

  it("reads the region where the asker says they work, by its name or one of its places", () => {
    expect(askerRegion("hoi, ik werk in wijkteam rotterdam. gezin zit vrijwillig in de hulp. wie heeft de casusregie?", context)).toBe("Rijnmond");
    expect(askerRegion("gezinsvoogd GI groningen hier. hoe vaak gaat plaatsing via een spoedmachtiging?", context)).toBe("Groningen en Drenthe");
    expect(askerRegion("als huisarts in Emmen: hoe verwijs ik naar de jeugdhulp?", context)).toBe("Groningen en Drenthe");
    expect(askerRegion("wij werken bij de gemeente Capelle aan den IJssel. wat is een expertiseteam?", context)).toBe("Rijnmond");
    // "ik ben/werk/zit …" may run longer (new-user try of the thirty-seventh session: eleven words).
    expect(askerRegion("ik ben beleidsmedewerker jeugd bij een gemeente in de regio rijnmond. wat zegt de regiovisie over pleegzorg?", context)).toBe("Rijnmond");
    expect(askerRegion("beleidsmedewerker jeugd bij een kleine gemeente in de mooie regio rijnmond. wat is pleegzorg?", context)).toBeUndefined();
    // What follows "en" is not where they work (third new-user try of the forty-sixth session).
    expect(askerRegion("Hoi, ik ben beleidsmedewerker jeugd bij een gemeente in de regio Rijnmond en moet een memo schrijven voor de wethouder over gesloten jeugdzorg. Wat zijn de ambities?", context)).toBe("Rijnmond");
    expect(askerRegion("ik werk in een wijkteam en wil weten hoe het in rotterdam gaat. wat doen ze daar?", context)).toBeUndefined();
    // Also after a question, in a sentence that asks nothing (new-user try of the forty-second session).
    expect(askerRegion("hoi, wie ben jij en wat kun je voor me doen? ik ben gezinsvoogd bij een GI in rotterdam", context)).toBe("Rijnmond");
    expect(askerRegion("wat doet het wijkteam? ik werk in rotterdam, wat doen ze daar?", context)).toBeUndefined();
  });

  it("reads a message that only says who the asker is and where, asking nothing", () => {
    expect(introductionOnly("ik zit in rijnmond hoor, niet in groningen", context)).toEqual({ region: "Rijnmond" });
    expect(introductionOnly("ik werk in een wijkteam in rotterdam", context)).toEqual({ region: "Rijnmond" });
    expect(introductionOnly("ik ben huisarts", context)).toEqual({});
    // Going on about a case, asking nothing (second new-user try of the thirty-seventh session).
    expect(introductionOnly("Hoi, ik ben gezinsvoogd bij een GI in Emmen. Heb een meid van 16 die steeds wegloopt.", context)).toEqual({ region: "Groningen en Drenthe", story: true });
    expect(introductionOnly("ik werk in een wijkteam en heb een jongere die steeds wegloopt uit huis", context)).toEqual({ story: true });
    for (const other of ["wat doet het wijkteam in rotterdam", "ik werk in rotterdam, wie beslist?", "de jongere woont in rotterdam", "een meisje uit rotterdam loopt steeds weg"]) {
      expect(introductionOnly(other, context), other).toBeUndefined();
    }
  });

  it("reads none from a question about a region, a place no region has, or a story", () => {
    expect(askerRegion("wat doet het wijkteam in rotterdam?", context)).toBeUndefined();
    expect(askerRegion("hoe werkt casusregie in rijnmond?", context)).toBeUndefined();
    expect(askerRegion("ik werk als huisarts in Amsterdam. wie beslist over een plaatsing?", context)).toBeUndefined();
    expect(askerRegion("een meisje uit rotterdam loopt steeds weg. wat nu?", context)).toBeUndefined();
  });

  it("reads 'hier' as the asker's region, unless the question names a region or 'hier' points back", () => {
    expect(hereAsRegion("vanaf welke leeftijd mogen jongeren hier meebeslissen?", "Rijnmond", context)).toBe("vanaf welke leeftijd mogen jongeren in Rijnmond meebeslissen?");
    expect(hereAsRegion("hoe gaat dat hier in de regio?", "Rijnmond", context)).toBe("hoe gaat dat in Rijnmond?");
    expect(hereAsRegion("hoe werkt de casusregie hier in groningen?", "Rijnmond", context)).toBeUndefined();
    expect(hereAsRegion("wat staat hier over in?", "Rijnmond", context)).toBeUndefined();
    expect(hereAsRegion("wat zeggen ze hierover?", "Rijnmond", context)).toBeUndefined();
    expect(hereAsRegion("wat doet het expertiseteam?", "Rijnmond", context)).toBeUndefined();
  });

  it("serves the asker's region in the notices, and only when it is another one", () => {
    const theirs = servingAsker(context, "Rijnmond");
    expect(theirs.served()).toBe("Rijnmond");
    expect(otherRegionOf(["rijnmond.md"], "wat gaat de regio anders doen?", theirs)).toBeUndefined();
    expect(otherRegionOf(["werkwijze.md"], "wat gaat de regio anders doen?", theirs)).toBe("Groningen en Drenthe");
    expect(servingAsker(context, undefined)).toBe(context);
    // The served region itself, said by the asker, is still served; the notices may call it theirs.
    expect(servingAsker(context, "Groningen en Drenthe").served()).toBe("Groningen en Drenthe");
    expect(servingAsker(context, "Groningen en Drenthe").askerSaid).toBe(true);
    expect(theirs.askerSaid).toBe(true);
    // A place of the region in the question names it too.
    expect(otherRegionOf(["rijnmond.md"], "hoe werkt de casusregie in capelle aan den ijssel?", context)).toBeUndefined();
  });
});

describe("AskHandler in a conversation where the asker said where they work", () => {
  it("takes that region as theirs for the next questions: no notice that a Rijnmond answer is not about their region", async () => {
    const rijnmond: AnswerResult = { ...answered("“Het lokale team heeft de casusregie.” [1]", {}), sources: [{ n: 1, documentId: "rijnmond.md", documentTitle: "Regiovisie", section: "Casusregie", quote: "Het lokale team" }] };
    const context: RegionContext = {
      served: () => "Groningen en Drenthe",
      documentRegion: (id) => (id === "rijnmond.md" ? "Rijnmond" : "Groningen en Drenthe"),
      regions: () => ["Rijnmond", "Groningen en Drenthe"],
      placesOf: (region) => (region === "Rijnmond" ? ["Rotterdam"] : []),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler({ answer: async () => rijnmond }, new AnswerLog(store), new FollowUpMemory(store, 600), context);
    const notices = async (conversationId: string, text: string) =>
      (await handler.question({ surface: "web", userId: "u1", conversationId }, text)).parts.flatMap((part) => (part.kind === "notice" ? [part.text] : []));
    expect(await notices("c1", "ik werk in wijkteam rotterdam. wie heeft de casusregie?")).toEqual([]);
    expect(await notices("c1", "wie stelt het plan voor het gezin op?")).toEqual([]);
    // Under "Meer bronnen" of such an answer too.
    const withMore: AnswerResult = { ...rijnmond, moreSources: [{ n: 2, documentId: "rijnmond.md", documentTitle: "Regiovisie", section: "Pleegzorg", quote: "Pleegzorg" }] };
    const more = new AskHandler({ answer: async () => withMore }, new AnswerLog(store), new FollowUpMemory(store, 600), context);
    const reply = await more.question({ surface: "web", userId: "u1", conversationId: "c3" }, "ik werk in wijkteam rotterdam. wie heeft de casusregie?");
    const answerId = reply.parts.flatMap((part) => (part.kind === "feedback" ? [part.answerId] : []))[0];
    expect((await more.moreSources(answerId)).parts.some((part) => part.kind === "notice")).toBe(false);
    // Another conversation, without that: the notice as before.
    expect(await notices("c2", "wie stelt het plan voor het gezin op?")).toContain("Let op: dit antwoord komt uit een document over regio Rijnmond, niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld.");
  });
});

describe("AskHandler under a refusal with the nearest passages", () => {
  it("says which of them are about another region, as under 'Meer bronnen'", async () => {
    const context: RegionContext = { served: () => "Rijnmond", documentRegion: (id) => (id === "werkwijze.md" ? "Groningen en Drenthe" : id === "rijnmond.md" ? "Rijnmond" : "Nederland") };
    const refused = (documentIds: string[]): AnswerResult => ({
      status: "abstained",
      text: "De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.",
      mode: "none",
      sources: documentIds.map((documentId, i) => ({ n: i + 1, documentId, documentTitle: documentId, section: "Sectie", quote: `Citaat ${i + 1}` })),
      moreSources: [],
    });
    const notices = async (result: AnswerResult) => {
      const handler = new AskHandler({ answer: async () => result }, new AnswerLog(new MemoryKeyValueStore()), undefined, context);
      const { parts } = await handler.question({ surface: "web", userId: "u1", conversationId: "c1" }, "wat kost een plaatsing in de jeugdzorgplus eigenlijk?");
      return parts.flatMap((part) => (part.kind === "notice" ? [part.text] : []));
    };
    expect(await notices(refused(["rijnmond.md", "werkwijze.md", "actieplan.md"]))).toContain("Let op: bron 2 gaat over regio Groningen en Drenthe, niet over regio Rijnmond, waarvoor Wegwijs is ingesteld.");
    expect((await notices(refused(["rijnmond.md", "actieplan.md"]))).join(" ")).not.toContain("Let op");
  });
});

describe("AskHandler and the served region's own plan", () => {
  const regions: Record<string, string> = { "rijnmond.md": "Rijnmond", "werkwijze.md": "Groningen en Drenthe", "actieplan.md": "landelijk" };
  const context: RegionContext = { served: () => "Groningen en Drenthe", documentRegion: (id) => regions[id], documents: () => Object.keys(regions) };
  const from = (documentId: string, questionCoverage: number): AnswerResult => ({
    ...answered(`“Uit ${documentId}.” [1]`, {}),
    questionCoverage,
    sources: [{ n: 1, documentId, documentTitle: documentId, section: "1", quote: "Uit" }],
  });
  /** The reply when every document gives `all` and the documents without Rijnmond's give `local`. */
  const reply = async (all: AnswerResult, local: AnswerResult, question = "hoe zit het met veiligheid?") => {
    const left: unknown[] = [];
    const answerer = { answer: async (_q: string, options: { withoutDocuments?: readonly string[] } = {}) => (options.withoutDocuments ? (left.push(...options.withoutDocuments), local) : all) };
    const handler = new AskHandler(answerer, new AnswerLog(new MemoryKeyValueStore()), undefined, context);
    const parts = (await handler.question({ surface: "web", userId: "u1", conversationId: "c1" }, question)).parts;
    return { left, texts: parts.flatMap((p) => (p.kind === "text" || p.kind === "notice" ? [p.text] : [])) };
  };

  it("reads 'de regio' as the served region: its own plan answers, from its documents alone, even when it holds less of the question", async () => {
    const { left, texts } = await reply(from("rijnmond.md", 1), from("werkwijze.md", 0.5), "wat wil de regio bereiken in 2027?");
    expect(left).toEqual(["rijnmond.md", "actieplan.md"]);
    expect(texts).toContain("“Uit werkwijze.md.” [1]");
    expect(texts.join("\n")).not.toContain("Let op");
  });

  it("answers from the served region's plan, when it holds as much of the question, and says the other region's plans speak of it too", async () => {
    const { left, texts } = await reply(from("rijnmond.md", 1), from("werkwijze.md", 1));
    expect(left).toEqual(["rijnmond.md"]);
    expect(texts).toContain("“Uit werkwijze.md.” [1]");
    expect(texts).toContain("Ook de plannen van regio Rijnmond gaan hierop in. Zet „in Rijnmond” in je vraag om die te zien.");
    expect(texts.join("\n")).not.toContain("Let op");
  });

  it("keeps the other region's answer, with its notice, when the own plan holds less of the question or a national document leads", async () => {
    for (const local of [from("werkwijze.md", 0.5), from("actieplan.md", 1)]) {
      const { texts } = await reply(from("rijnmond.md", 1), local);
      expect(texts).toContain("“Uit rijnmond.md.” [1]");
      expect(texts).toContain("Let op: dit antwoord komt uit een document over regio Rijnmond, niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld.");
    }
  });
});

describe("AskHandler under a request for a document's gist", () => {
  const reply = async (result: AnswerResult) => {
    const handler = new AskHandler({ answer: async () => result }, new AnswerLog(new MemoryKeyValueStore()));
    return (await handler.question({ surface: "web", userId: "u1", conversationId: "c1" }, "vat het plan samen")).parts;
  };

  it("says above the quotes that it quotes the document's aim, not a summary", async () => {
    const parts = await reply({ ...answered("“Ons doel is betere jeugdhulp.” [1]", {}), gistOf: "Voortgangsrapportage" });
    expect(parts[0]).toEqual({ kind: "notice", level: "info", text: "Samenvatten doe ik niet: ik citeer alleen letterlijk. Dit zegt „Voortgangsrapportage” over zijn doel:" });
  });

  it("says above quotes that answer a 'wie' question without naming anyone that they do not say who", async () => {
    const parts = await reply({ ...answered("“E Minder gesloten plaatsingen.” [1]", {}), noActor: true });
    expect(parts[0]).toEqual({ kind: "notice", level: "info", text: "Wie dat is of doet, staat niet in deze citaten. Dit zeggen de plandocumenten er wel over:" });
  });

  it("says above quotes that answer 'hoe doe ik …?' without means or steps that they do not say how", async () => {
    const parts = await reply({ ...answered("“In 2027: is een analyse opgesteld.” [1]", {}), noMeans: true });
    expect(parts[0]).toEqual({ kind: "notice", level: "info", text: "Hoe je dat precies doet, staat niet in deze citaten. Dit zeggen de plandocumenten er wel over:" });
    expect((await reply(answered("“Dit doen we via de POH.” [1]", {}))).filter((p) => p.kind === "notice")).toEqual([]);
  });

  it("says above quotes that answer 'wanneer …?' without a condition, moment or date that they do not say when", async () => {
    const parts = await reply({ ...answered("“Geconstateerd wordt dat: - 70% met een spoedmachtiging wordt geplaatst” [1]", {}), noWhen: true });
    expect(parts[0]).toEqual({ kind: "notice", level: "info", text: "Wanneer precies, staat niet in deze citaten. Dit zeggen de plandocumenten er wel over:" });
  });

  it("says only whose aim it quotes when asked what the document is, not to summarise it", async () => {
    const parts = await reply({ ...answered("“Ons doel is betere jeugdhulp.” [1]", {}), gistOf: "Nieuwe werkwijze", gistAsked: "whatIs" });
    expect(parts[0]).toEqual({ kind: "notice", level: "info", text: "Dit zegt „Nieuwe werkwijze” over zijn doel:" });
    // Asked for its aim ("wat zijn de doelen van …?"): nobody asked for a summary (verification try).
    const aim = await reply({ ...answered("“Ons doel is betere jeugdhulp.” [1]", {}), gistOf: "Actieplan", gistAsked: "aim" });
    expect(aim[0]).toEqual({ kind: "notice", level: "info", text: "Dit zegt „Actieplan” over zijn doel:" });
    // Asked why it is there: its section on that, said as such.
    const reason = await reply({ ...answered("“De belangrijkste reden is …” [1]", {}), gistOf: "Regiovisie", gistAsked: "reason" });
    expect(reason[0]).toEqual({ kind: "notice", level: "info", text: "Dit zegt „Regiovisie” over zijn aanleiding:" });
  });

  it("shows a question back as it is, without the Servicepunt step", async () => {
    const parts = await reply({ status: "abstained", text: "Welk plandocument bedoel je?", mode: "none", sources: [], moreSources: [], asksBack: true });
    expect(parts.filter((p) => p.kind === "text" || p.kind === "notice")).toEqual([{ kind: "text", text: "Welk plandocument bedoel je?" }]);
  });
});

describe("withRegionSwapped", () => {
  const regions = ["landelijk", "Rijnmond", "Groningen en Drenthe"];

  it("asks the previous question of the region a short follow-up names, in place of the region it named", () => {
    expect(withRegionSwapped("wat moet er in groningen/drenthe anders vanaf nu?", "en in rijnmond?", regions)).toBe("wat moet er in rijnmond anders vanaf nu?");
    expect(withRegionSwapped("hoe loopt de plaatsingsroute in Groningen en Drenthe?", "hoe zit dat in Rijnmond?", regions)).toBe("hoe loopt de plaatsingsroute in Rijnmond?");
    expect(withRegionSwapped("wie heeft de casusregie in rijnmond?", "en in drenthe?", regions)).toBe("wie heeft de casusregie in drenthe?");
    expect(withRegionSwapped("welke knelpunten zien ze in groningen?", "en rijnmond dan?", regions)).toBe("welke knelpunten zien ze in rijnmond?");
    // Asking what a place says about it, and in place of a document the previous question named
    // (new-user try: "volgens het actieplan" and Rijnmond read together were refused).
    expect(withRegionSwapped("welke knelpunten zien ze in groningen?", "en wat zegt rijnmond daarover?", regions)).toBe("welke knelpunten zien ze in rijnmond?");
    expect(withRegionSwapped("wat moeten gemeenten doen volgens het actieplan en wie helpt ze?", "en wat zegt rijnmond daarover?", regions)).toBe("wat moeten gemeenten doen in rijnmond en wie helpt ze?");
    expect(withRegionSwapped("wat staat er in de voortgangsrapportage over pleegzorg?", "en in drenthe?", regions)).toBe("wat staat er in drenthe over pleegzorg?");
    // A question that named no region is asked of it (second new-user try: read with it, only the previous answer came back).
    expect(withRegionSwapped("wie heeft de casusregie?", "en in rijnmond?", regions)).toBe("wie heeft de casusregie in rijnmond?");
    expect(withRegionSwapped("wie is verantwoordelijk voor de regie", "en wat zegt rijnmond daarover?", regions)).toBe("wie is verantwoordelijk voor de regie in rijnmond");
    // The whole country, with the preposition of the region it replaces (new-user try: "rijnmond" stayed).
    expect(withRegionSwapped("wat moet er in groningen/drenthe anders vanaf nu?", "en landelijk?", regions)).toBe("wat moet er landelijk anders vanaf nu?");
    expect(withRegionSwapped("hoeveel meer pleegzorg wil rijnmond?", "en in nederland?", regions)).toBe("hoeveel meer pleegzorg wil landelijk?");
    expect(withRegionSwapped("wie heeft de casusregie?", "en landelijk gezien?", regions)).toBe("wie heeft de casusregie landelijk?");
    expect(withRegionSwapped("wat doet het landelijk ondersteuningsteam?", "en landelijk?", regions)).toBeUndefined();
  });

  it("leaves a follow-up alone that names no region of the documents, or more than a place", () => {
    expect(withRegionSwapped("wie heeft de casusregie in rijnmond?", "en in amsterdam?", regions)).toBeUndefined();
    expect(withRegionSwapped("wie heeft de casusregie in rijnmond?", "en wie betaalt dat in drenthe?", regions)).toBeUndefined();
    expect(withRegionSwapped("wat is het verschil tussen rijnmond en groningen/drenthe?", "en rijnmond dan?", regions)).toBeUndefined();
    expect(withRegionSwapped("wie heeft de casusregie in rijnmond?", "en de gi dan?", regions)).toBeUndefined();
  });
});

/** The reply to a follow-up after a first question, in one conversation with follow-up memory. */
async function followedUp(context: RegionContext, answer: (question: string, options?: { withoutDocuments?: readonly string[] }) => Promise<AnswerResult>, first: string, then: string) {
  const store = new MemoryKeyValueStore();
  const handler = new AskHandler({ answer }, new AnswerLog(store), new FollowUpMemory(store, 600), context);
  const address = { surface: "web" as const, userId: "u1", conversationId: "c1" };
  await handler.question(address, first);
  return handler.question(address, then);
}

describe("AskHandler with a follow-up that names another region", () => {
  it("asks the previous question of that region, and says how it read the message", async () => {
    const asked: string[] = [];
    const context: RegionContext = { served: () => "Rijnmond", documentRegion: () => "Rijnmond", regions: () => ["Rijnmond", "Groningen en Drenthe"] };
    const reply = await followedUp(context, async (question) => (asked.push(question), answered(`“Antwoord op ${question}” [1]`, {})), "wat moet er in groningen/drenthe anders vanaf nu?", "en in rijnmond?");
    expect(asked).toEqual(["wat moet er in groningen/drenthe anders vanaf nu?", "wat moet er in rijnmond anders vanaf nu?"]);
    expect(reply.parts[0]).toEqual({ kind: "notice", level: "info", text: "Ik lees dit als: „wat moet er in rijnmond anders vanaf nu?”" });
  });
});

describe("AskHandler with a follow-up for the whole country", () => {
  const region: Record<string, string> = { "rijnmond.md": "Rijnmond", "actieplan.md": "landelijk" };
  const context: RegionContext = {
    served: () => "Rijnmond",
    documentRegion: (id) => region[id],
    regions: () => ["Rijnmond", "landelijk"],
    documents: () => Object.keys(region),
  };
  const quoting = (id: string, question: string): AnswerResult => ({
    ...answered(`“Uit ${id} over ${question}” [1]`, {}),
    sources: [{ n: 1, documentId: id, documentTitle: id, section: "S", quote: "x" }],
  });

  it("asks the previous question of the country, from the national plans alone when the answer quoted a regional one", async () => {
    const calls: Array<{ question: string; without?: readonly string[] }> = [];
    const answer = async (question: string, options?: { withoutDocuments?: readonly string[] }) => {
      calls.push({ question, without: options?.withoutDocuments });
      return quoting(options?.withoutDocuments?.includes("rijnmond.md") ? "actieplan.md" : "rijnmond.md", question);
    };
    const reply = await followedUp(context, answer, "hoeveel meer pleegzorg wil rijnmond?", "en landelijk?");
    expect(reply.parts[0]).toEqual({ kind: "notice", level: "info", text: "Ik lees dit als: „hoeveel meer pleegzorg wil landelijk?”" });
    expect(calls.at(-1)).toEqual({ question: "hoeveel meer pleegzorg wil landelijk?", without: ["rijnmond.md"] });
    expect(reply.parts).toContainEqual({ kind: "text", text: "“Uit actieplan.md over hoeveel meer pleegzorg wil landelijk?” [1]" });
  });
});

describe("otherRegionSourcesNotice", () => {
  const regions: Record<string, string | null> = { "rijnmond.md": "Rijnmond", "werkwijze.md": "Groningen en Drenthe", "actieplan.md": "landelijk" };
  const context = (served: string | undefined): RegionContext => ({ served: () => served, documentRegion: (id) => regions[id] });

  it("names the listed sources about another region by their numbers", () => {
    const listed = [
      { documentId: "actieplan.md", n: 2 },
      { documentId: "rijnmond.md", n: 3 },
      { documentId: "werkwijze.md", n: 4 },
      { documentId: "rijnmond.md", n: 5 },
    ];
    expect(otherRegionSourcesNotice(listed, context("Groningen en Drenthe"))).toBe("Let op: bron 3 en 5 gaan over regio Rijnmond, niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld.");
    expect(otherRegionSourcesNotice(listed.slice(0, 3), context("Groningen en Drenthe"))).toBe("Let op: bron 3 gaat over regio Rijnmond, niet over regio Groningen en Drenthe, waarvoor Wegwijs is ingesteld.");
    // Not when the question asks about that region itself (second new-user try: "en in rijnmond?").
    expect(otherRegionSourcesNotice(listed, context("Groningen en Drenthe"), "wie heeft de casusregie in rijnmond?")).toBeUndefined();
  });

  it("says nothing when every source holds in the served region or everywhere, or no region is served", () => {
    expect(otherRegionSourcesNotice([{ documentId: "actieplan.md", n: 2 }, { documentId: "werkwijze.md", n: 3 }], context("Groningen en Drenthe"))).toBeUndefined();
    expect(otherRegionSourcesNotice([{ documentId: "rijnmond.md", n: 2 }], context(undefined))).toBeUndefined();
  });
});
