import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { contentDir } from "../../src/app.js";
import { ASK_IN_DUTCH_TEXT, AskService } from "../../src/handlers/ask/askService.js";
import { withPrevious } from "../../src/handlers/ask/followUp.js";
import { REST_OF_LIST } from "../../src/handlers/ask/citations.js";
import { KnowledgeBase } from "../../src/knowledge/knowledgeBase.js";
import { createLogger } from "../../src/logger.js";

const corpus = path.resolve("../shared/corpus");
const knowledge = new KnowledgeBase({ contentDir });
const ask = new AskService(knowledge, createLogger("silent"));

beforeAll(async () => {
  await knowledge.ingest(corpus);
});

const groningen = "nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md";

/** Whether the text covers the question's word that `isWord` picks (which must be a word of the question). */
function coversWord(question: string, isWord: (word: string) => boolean, text: string): boolean {
  const scorer = knowledge.questionScorer(question);
  const g = scorer.words.findIndex(isWord);
  expect(g).toBeGreaterThanOrEqual(0);
  return scorer.covered(text)[g]!;
}

/** Every [n] marker names a source shown, every source shown is cited, and sources are numbered 1, 2, … once each. */
function expectMarkersMatchSources(answer: Awaited<ReturnType<AskService["answer"]>>, label: string): void {
  if (answer.status !== "answered") return;
  const markers = new Set([...answer.text.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1])));
  const numbers = [...answer.sources, ...answer.moreSources].map((source) => source.n);
  expect(numbers, label).toEqual(numbers.map((_, i) => i + 1));
  expect([...markers].sort((a, b) => a - b), label).toEqual(answer.sources.map((source) => source.n).sort((a, b) => a - b));
}

describe("citation markers", () => {
  it("map one to one to the sources shown, also for a follow-up read with the question before it", async () => {
    // First new-user try of the fortieth session: "[4]" under two sources, after a term's one
    // mention was added to a two-part reading whose sources were not yet numbered 1, 2, ….
    const followUp = "en wat is hsj?";
    expectMarkersMatchSources(await ask.answer(withPrevious("wat bedoelen ze met matched care ipv stepped care?", followUp), { followUp }), followUp);
    // Every shared question, on its own and read after the one before it.
    for (const file of ["questions.jsonl", "questions-2.jsonl"]) {
      const questions = (await readFile(path.resolve("../shared/eval", file), "utf8")).split("\n").filter(Boolean).map((line) => (JSON.parse(line) as { question: string }).question);
      for (const [i, question] of questions.entries()) {
        expectMarkersMatchSources(await ask.answer(question), question);
        if (i > 0) expectMarkersMatchSources(await ask.answer(withPrevious(questions[i - 1]!, question), { followUp: question }), `${questions[i - 1]} / ${question}`);
      }
    }
  }, 120_000);
});

describe("a noun in -name", () => {
  it("meets its verb: 'hoeveel moet het toenemen?' is answered by 'een toename van 30 procent', not reported open", async () => {
    // First new-user try of the fortieth session: the notice said the part was not answered, above the 30 procent.
    const answer = await ask.answer("wat zegt de regiovisie over pleegzorg en hoeveel moet het toenemen?");
    expect(answer.text).toContain("toename van 30 procent");
    expect(answer.unanswered).toBeUndefined();
  });
});

describe("a plural whose consonant doubles", () => {
  it("meets its singular: 'de landelijke plannen' finds what the documents say about the places being closed", async () => {
    const answer = await ask.answer("wat zijn de landelijke plannen met de jz+? gaat het echt afgebouwd worden");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("afgebouwd");
  });
});

describe("a question for the difference between two things", () => {
  it("is about the two things, not about the word 'verschil'", async () => {
    const answer = await ask.answer("wat is het verschil tussen een spoedmachtiging en een gewone machtiging?");
    expect(answer.text).not.toContain("verschil");
    expect(knowledge.questionScorer("wat is het verschil tussen een spoedmachtiging en een gewone machtiging?").words).not.toContain("verschil");
  });
});

describe("an answer beyond the sections an earlier answer quoted", () => {
  it("leaves those sections out and answers from the next passages", async () => {
    const question = "wat verandert er tot 2027 met de jz+ plekken? en wat moet er dan in 2027 bereikt zijn?";
    const first = await ask.answer(question);
    expect(first.text).toContain("Half 2027");
    const beyond = await ask.answer(question, { beyond: first.sources });
    expect(beyond.status).toBe("answered");
    expect(beyond.text).not.toContain("Half 2027");
    expect(beyond.text).toContain("Weten we spoedplaatsingen te voorkomen");
    const shown = new Set(first.sources.map((s) => `${s.documentId} ${s.section}`));
    expect(beyond.sources.some((s) => shown.has(`${s.documentId} ${s.section}`))).toBe(false);
  });
});

describe("an abbreviation in a question for a kind of answer", () => {
  it("is held only by itself or its name in full, not by one word of that name next to a date", async () => {
    const answer = await ask.answer("wat is een INT precies? en wanneer is dat klaar?");
    expect(answer.text).not.toContain("Integraal Werken in de Wijk");
    expect(answer.text).toContain("Integraal Netwerkversterkend Team (INT)");
  });
});

describe("a request for a document's gist", () => {
  it("answers the gist asked first in a two-part message, then the later part from its own passages or says the plans do not answer it", async () => {
    // New-user try: read as one question, the message got a line on the region the werkwijze covers.
    const both = await ask.answer("wat is het doel van het actieplan en wat is een gedeelde verklarende analyse?");
    expect(both.text).toContain("We focussen daarbij op twee doelen");
    expect(both.text.toLowerCase()).toContain("gedeelde verklarende analyse");
    expect(both.sources.some((s) => s.documentId === groningen)).toBe(true);
    // Every marker maps to a source, numbered in citation order.
    const markers = [...both.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(new Set(markers)).toEqual(new Set(both.sources.map((s) => s.n)));
    const notAnswered = await ask.answer("wat is het doel van de nieuwe werkwijze in groningen en drenthe en wat kost een plek in de jeugdzorgplus per dag?");
    expect(notAnswered.text).toContain("Het ontwikkelen van een effectieve werkwijze");
    expect(notAnswered.unanswered).toBe("wat kost een plek in de jeugdzorgplus per dag");
    expect(notAnswered.notInDocuments).toBe(notAnswered.unanswered);
    // One that points back is left open, not searched on its own.
    const pointsBack = await ask.answer("wat is het doel van het actieplan en wie betaalt dat?");
    expect(pointsBack.unanswered).toBe("wie betaalt dat");
    expect(pointsBack.notInDocuments).toBeUndefined();
    // One that asks for a sum the quotes do not give is left open, whatever words they share with it
    // (new-user try of the forty-second session: a list on placement stood unmarked under "wat kostte dat
    // gemiddeld per plaatsing?").
    const cost = await ask.answer("hoeveel jongeren uit drenthe zaten er in 2020 in de jz+ en wat kostte dat gemiddeld per plaatsing?");
    expect(cost.unanswered).toBe("wat kostte dat gemiddeld per plaatsing");
    // The word that asks for a kind is answered by one of that kind: a year answers "staat daar een
    // jaartal bij?", and the item with the year leads its list.
    // An acronym typed in lower case is asked as one: its spelling-out leads (new-user try of the forty-third session).
    const mvs = await ask.answer("wat is mvs precies?");
    expect(mvs.text).toMatch(/^“De gemeenten Maasluis, Vlaardingen en Schiedam \(MVS\)/);
    expect(mvs.undefinedTerm).toBeUndefined();
    // A cited section's number is no figure: "5 Veranderopgaven" does not answer "… in cijfers?".
    // A later part that leans on the first's topic ("het doel" of gedwongen afzonderen) is asked on
    // that topic: the aim with its figures comes after the section's start.
    const figures = await ask.answer("wat zegt het landelijke actieplan over gedwongen afzonderen? wat is het doel in cijfers?");
    expect(figures.text.split("\n")[1]).toMatch(/^“De collectieve keus dat we gedwongen afzonderen binnen 3 jaar terug hebben gebracht naar 0/);
    expect(figures.unanswered).toBeUndefined();
    // "in cijfers" is no place the quotes must name: the aim with its figures is answered.
    const aim = await ask.answer("wat is het doel voor gedwongen afzonderen in cijfers?");
    expect(aim.status).toBe("answered");
    expect(aim.text).toMatch(/binnen 3 jaar terug hebben gebracht naar 0/);
    const year = await ask.answer("Wat willen ze in Rijnmond over een paar jaar bereikt hebben met de lokale teams, en staat daar een jaartal bij?");
    expect(year.text.split("\n")[1]).toMatch(/^- Dat zij de ambitie uitspreken om in 2025/);
    expect(year.unanswered).toBeUndefined();
  });

  it("checks a later part against what the quotes say, without the case number or the section reference it names", async () => {
    // A reference to the section the quotes come from is answered by where they come from ("… verder
    // in die paragraaf 3.5, …" under quotes from §3.5 was called open; second new-user try of the
    // forty-sixth session).
    const section = await ask.answer("hmm maar dat eerste citaat gaat toch precies over casusregie? wat staat er verder in die paragraaf 3.5, wanneer gaat de regie naar de GI?");
    expect(section.text).toContain("bij de GI te liggen");
    expect(section.unanswered).toBeUndefined();
    // A case number in the story is no word the quotes must hold (second new-user try of the
    // forty-sixth session: refused, while the same question without it was answered).
    const withCase = await ask.answer("Ik werk in een wijkteam in Rotterdam. Ik heb een meisje van 14 (casus RZ-0412) dat steeds wegloopt. Wie heeft eigenlijk de casusregie als het richting gesloten jeugdhulp gaat?");
    expect(withCase.status).toBe("answered");
    expect(withCase.text).toContain("casusregisseur");
    // A later part that only asks more of the first ("Hoe hoog is die?") does not make the message two
    // questions with a passage each: it needs the coverage of one question, and is refused.
    const contribution = await ask.answer("Moeten ouders een ouderbijdrage betalen als hun kind in een pleeggezin woont? Hoe hoog is die?");
    expect(contribution.status).toBe("abstained");
    // "tegen die tijd" is the year the first answer gives: asked with it, the later part has its own
    // quote (set m: it was left open while "In 2027:" lists what must be arranged by then).
    const byThen = await ask.answer("wanneer moeten de huidige jz+ plekken in gr/dr om- en afgebouwd zijn, en wat moet er tegen die tijd geregeld zijn voor elke jongere met een machtiging?");
    expect(byThen.text).toContain("Half 2027");
    expect(byThen.text).toContain("perspectief op onderwijs en een woonplek");
    expect(byThen.unanswered).toBeUndefined();
  });

  it("quotes what the named document says its aim is, from that document only, marked as no summary", async () => {
    const gist = await ask.answer("waar gaat de nieuwe werkwijze over?");
    expect(gist.status).toBe("answered");
    expect(gist.gistOf).toMatch(/nieuwe werkwijze|Zo thuis mogelijk/);
    expect(gist.sources.every((s) => s.documentId === groningen)).toBe(true);
    expect(gist.text).toContain("Het ontwikkelen van een effectieve werkwijze");
  });

  it("reads 'wat is (eigenlijk) de <document>?' as a request for that document's gist, and 'wat is de X?' about anything else as a question", async () => {
    // New-user try: only the line on where the new way of working applies was quoted.
    for (const question of ["wat is eigenlijk de nieuwe werkwijze in groningen/drenthe voor jz+?", "wat houdt die nieuwe werkwijze in?"]) {
      const gist = await ask.answer(question);
      expect(gist.gistOf, question).toMatch(/nieuwe werkwijze|Zo thuis mogelijk/);
      expect(gist.text).toContain("Het ontwikkelen van een effectieve werkwijze");
    }
    const other = await ask.answer("wat is de werkwijze van het expertteam?");
    expect(other.gistOf).toBeUndefined();
  });

  it("answers how a document works, and the idea behind it, with what it says its aim is", async () => {
    // New-user try: refused, though the regiovisie opens with its ambition and principles.
    const idea = await ask.answer("hoe werkt de regiovisie rijnmond eigenlijk, wat is het idee erachter");
    expect(idea.status).toBe("answered");
    expect(idea.gistOf).toBeDefined();
    expect(idea.sources.every((s) => s.documentId === "regiovisie-jeugdhulp-rijnmond-2020.md")).toBe(true);
    // Named with its words as analysed ("jz+" for "JeugdzorgPlus") and "precies" (new-user try: where it applies was quoted).
    const werkwijze = await ask.answer("hoe werkt de nieuwe werkwijze voor plaatsing in jz+ in groningen/drenthe precies");
    expect(werkwijze.gistAsked).toBe("aim");
    expect(werkwijze.sources.every((s) => s.documentId === "nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md")).toBe(true);
    // With a greeting in front, the same (new-user try: "hoi, wat houdt …" led with a loose slide line).
    const greeted = await ask.answer("hoi, wat houdt die nieuwe werkwijze plaatsing jz+ in groningen eigenlijk in?");
    expect(greeted.gistOf).toBeDefined();
    expect(greeted.text).toContain("Het ontwikkelen van een effectieve werkwijze");
    // A question about something in it is not its gist.
    expect((await ask.answer("hoe werkt de casusregie in rijnmond?")).gistOf).toBeUndefined();
    // "in t kort", and "visie" as the end of "regiovisie" (new-user try of the thirty-ninth session: the line on Schiedam's purchasing).
    const short = await ask.answer("hoi ik werk bij t wijkteam in schiedam. wat is nou in t kort de visie van rijnmond op jeugdhulp?");
    expect(short.gistOf).toMatch(/regiovisie/);
    // "de kern van", and "vd" for "van de" (new-user try of the forty-first session: lines on the vision's adoption, and the list of what to do differently).
    const core = await ask.answer("hoi, ik ben gedragswetenschapper bij een aanbieder in regio rijnmond. wat is de kern van de regiovisie rijnmond?");
    expect(core.gistOf).toMatch(/regiovisie/);
    expect(core.text).not.toContain("vast te laten stellen");
    const aim = await ask.answer("wat is het doel vd nieuwe werkwijze");
    expect(aim.gistAsked).toBe("aim");
    expect(aim.text).toContain("Het ontwikkelen van een effectieve werkwijze");
  });

  it("answers 'wat zijn de doelen van <document>?' from the section on the document's aim, its list whole", async () => {
    // Own try: the inspectorate's line that echoes the title ("… de doelen in het actieplan") led.
    for (const question of ["wat zijn de doelen van het actieplan?", "wat wil het actieplan bereiken?"]) {
      const aim = await ask.answer(question);
      expect(aim.gistOf, question).toBeDefined();
      expect(aim.sources.map((s) => s.section), question).toEqual(["1 Inleiding › 1.2 Ons doel"]);
      expect(aim.text.indexOf("Voorkomen"), question).toBeGreaterThan(-1);
      expect(aim.text.indexOf("Verbeteren"), question).toBeGreaterThan(aim.text.indexOf("Voorkomen"));
      expect(aim.text, question).not.toContain("IGJ");
    }
  });

  it("answers why a document is there from its own section on that, and leaves other why-questions alone", async () => {
    // New-user try: "waarom is er eigenlijk een nieuwe regiovisie gekomen" got a line from the progress report.
    const why = await ask.answer("waarom is er eigenlijk een nieuwe regiovisie gekomen");
    expect(why.gistAsked).toBe("reason");
    expect(why.sources[0]?.section).toContain("1.2 Waarom deze visie?");
    expect(why.text).toMatch(/^“De belangrijkste reden is dat gemeenten en aanbieders/);
    const occasion = await ask.answer("wat was de aanleiding voor de nieuwe werkwijze jz+ in groningen?");
    expect(occasion.gistAsked).toBe("reason");
    expect(occasion.text).toMatch(/^“Oproep van wethouder Molema/);
    // Who set a document going is in the same section, when it names someone (dev set g: a line on
    // where the new way of working applies led).
    const who = await ask.answer("wie gaf de aanzet voor de nieuwe werkwijze plaatsing jeugdzorgplus in groningen en drenthe?");
    expect(who.gistAsked).toBe("reason");
    expect(who.text).toMatch(/^“Oproep van wethouder Molema/);
    // About something in a document, or a document without such a section: asked as usual.
    expect((await ask.answer("waarom is pleegzorg de voorkeursvorm in rijnmond?")).gistAsked).toBeUndefined();
    expect((await ask.answer("waarom is het actieplan gemaakt?")).gistAsked).toBeUndefined();
  });

  it("asks which document when none is named, and answers a summary of a topic as a question", async () => {
    const which = await ask.answer("vat het plan ff samen");
    expect(which).toMatchObject({ status: "abstained", asksBack: true });
    expect(which.text).toMatch(/^Welk plandocument bedoel je\?/);
    expect(which.text).toContain("Nabij en passend");
    const topic = await ask.answer("vat de rol van het expertteam samen");
    expect(topic.gistOf).toBeUndefined();
    expect(topic.asksBack).toBeUndefined();
  });
});

describe("an answer without some documents", () => {
  it("quotes none of the documents left out, and says how much of the question its quotes hold", async () => {
    const question = "hoe zit het met veiligheid?";
    const all = await ask.answer(question);
    const left = all.sources[0]!.documentId;
    const without = await ask.answer(question, { withoutDocuments: [left] });
    expect(without.status).toBe("answered");
    expect(without.sources.length).toBeGreaterThan(0);
    expect(without.sources.some((s) => s.documentId === left)).toBe(false);
    expect(without.questionCoverage).toBeGreaterThan(0);
    expect(without.questionCoverage).toBeLessThanOrEqual(1);
  });
});

describe("retrieval over the shipped corpus", () => {
  it("expands abbreviations: a question about the VA finds the Groningen/Drenthe passage on verklarende analyse", async () => {
    const [top] = await knowledge.retrieve("hoe leren verwijzers een VA opstellen?", 5);
    expect(top?.chunk.documentId).toBe(groningen);
    expect(top?.chunk.text.toLowerCase()).toContain("verklarende analyse");
  });

  it("reads 'het SP' as the Servicepunt (new-user try: 'wat doet het SP precies?' was refused)", async () => {
    const answer = await ask.answer("wat doet het SP precies?");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("Servicepunt");
  });

  it("answers what the Rijnmond expertiseteam does with its functions, without a notice that the documents do not say", async () => {
    // New-user try of the thirty-fifth session: "Wat „expertiseteam in rijnmond” precies doet, staat niet in de plandocumenten".
    const answer = await ask.answer("wat doet het expertiseteam in rijnmond eigenlijk");
    expect(answer.text).toMatch(/^“Het expertiseteam heeft de volgende functies:”\n- /);
    expect(answer.text).toContain("Leren en ontwikkelen.");
    expect(answer.undefinedTerm).toBeUndefined();
    // Asked for its role or task, the same (third new-user try of that session: "welke rol hebben …" got a line with "een rol").
    for (const question of ["welke rol heeft het expertiseteam in rijnmond?", "wat is de rol van het expertiseteam in rijnmond?"]) {
      expect((await ask.answer(question)).text, question).toMatch(/^“Het expertiseteam heeft de volgende functies:”\n- /);
    }
  });

  it("answers who is in a team with the line that says what it is made of", async () => {
    // New-user try of the thirty-fifth session: "en wie zitten daar dan in?" after the expertiseteam got the national CCE line.
    const answer = await ask.answer("wie zitten er in het expertiseteam?");
    expect(answer.text).toMatch(/^“Het expertiseteam kijkt met een integrale blik en bundelt kennis vanuit in ieder geval: jeugdhulp, GGZ, LvB/);
    // What it is made of answers who is in it: no "Wie dat is of doet, staat niet in deze citaten".
    expect(answer.noActor).toBeUndefined();
  });

  it("reads everyday words for deciding, trying out and agreeing as the documents' words: 'keuze', 'experimenteren', 'afspreken'", () => {
    expect(coversWord("vanaf welke leeftijd mogen jongeren meebeslissen over de hulp?", (w) => w === "meebeslissen", "Jongeren een stevige rol geven in de keuze voor de hulp.")).toBe(true);
    expect(coversWord("mogen we als gemeente iets uitproberen?", (w) => w === "uitproberen", "Daarom geldt dat we bij experimenten altijd afspreken:")).toBe(true);
    expect(coversWord("wat moeten we vooraf vastleggen?", (w) => w === "vastleggen", "Daarom geldt dat we bij experimenten altijd afspreken:")).toBe(true);
  });

  it("reads 'kwamen naar voren' as no search words: the light verb's past and its particle name nothing", () => {
    const words = knowledge.questionScorer("welke onderwerpen kwamen naar voren toen jongeren meepraatten?").words;
    expect(words).toContain("onderwerpen");
    expect(words).not.toContain("kwamen");
    expect(words).not.toContain("voren");
    // "klopt het dat …?" asks to have something confirmed: "klopt" names nothing either.
    expect(knowledge.questionScorer("klopt het dat groepsleiders minder verdienen?").words).toEqual(["groepsleiders", "minder", "verdienen"]);
    // "uiteindelijk", like "eigenlijk", says how, not what ("en wie beslist dat dan uiteindelijk?" quoted a line for that word).
    expect(knowledge.questionScorer("wie beslist uiteindelijk over de plaatsing?").words).not.toContain("uiteindelijk");
  });

  it("reads 'later', 'onderbelicht' and 'ketenpartners' as the documents say them, and 'vonden' as no search word", () => {
    const question = "welke ketenpartners vonden ze nog onderbelicht en worden later pas betrokken?";
    expect(knowledge.questionScorer(question).words).not.toContain("vonden");
    expect(coversWord(question, (w) => w === "later", "Deze partijen worden betrokken in de volgende fase.")).toBe(true);
    expect(coversWord(question, (w) => w === "onderbelicht", "Een aantal partners is nog niet nadrukkelijk genoeg benoemd.")).toBe(true);
    expect(coversWord(question, (w) => w === "ketenpartners", "Deze partijen worden betrokken.")).toBe(true);
  });

  it("reads 'jz+' as JeugdzorgPlus, not as every passage about youth care in general", () => {
    expect(coversWord("hoeveel plekken heeft de jz+?", (w) => w === "jz+", "De JeugdzorgPlus heeft plekken.")).toBe(true);
    // "gesloten jeugdhulp" as an expansion made "jeugdhulp" alone hold it (in "jeugdhulpregio" too).
    expect(coversWord("hoeveel plekken heeft de jz+?", (w) => w === "jz+", "De jeugdhulpregio Groningen en Drenthe.")).toBe(false);
  });

  it("repairs typos in longer words", async () => {
    const clean = await knowledge.retrieve("welke basisprincipes zijn er afgesproken", 5);
    const typo = await knowledge.retrieve("welke basisprinciepes zijn er afgesproken", 5);
    // The same passages in the same order; a typed word that matches nothing may still move a
    // passage by its own near matches, so the top 3 is compared, within the top 5.
    expect(typo.slice(0, 3).map((p) => p.chunk.id)).toEqual(clean.slice(0, 3).map((p) => p.chunk.id));
  });

  it("repairs a typo that breaks the word's suffix, and answers the question as if typed right", async () => {
    const question = (word: string) => `hoeveel jongeren komen er met een ${word} in de jeugdzorgplus terecht?`;
    const clean = await ask.answer(question("spoedmachtiging"));
    const typo = await ask.answer(question("spoedmachtigng"));
    expect(clean.status).toBe("answered");
    expect(typo.status).toBe("answered");
    expect(typo.text).toContain("70%");
    expect(typo.sources.map((s) => s.section)).toEqual(clean.sources.map((s) => s.section));
  });

  it("does not read a real word the documents do not use as a typo of one they do, but still repairs a verb form's ending", () => {
    // "gedicht" is one letter from the documents' "gericht": a poem is not what they cover.
    const poem = knowledge.questionScorer("kun je een gedicht schrijven over jeugdzorg?");
    expect(poem.rarity[poem.words.indexOf("gedicht")]!.known).toBe(false);
    // "ondertekent" (typed for "ondertekend") differs in its last letter only.
    expect(coversWord("wie hebben het convenant ondertekent?", (w) => w === "ondertekent", "Het convenant is door VWS en VNG ondertekend.")).toBe(true);
  });

  it("gives the later question of a two-part message its own best quote, in place of the sentences that fill the budget", async () => {
    const result = await ask.answer("hoe is de risicotaxatie bij dreigende uithuisplaatsing geregeld, en met wie moet je samenwerken?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("(politie, gemeente, buurtbewoners)");
    expect(result.text.split(/\s+/).length).toBeLessThanOrEqual(100);
    expect(result.unanswered).toBeUndefined();
    // Every marker in the text is one of the sources.
    const markers = [...result.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.every((n) => result.sources.some((s) => s.n === n))).toBe(true);
  });

  it("keeps the first question's part to two quotes when the later question has its own, so a list that answers it fits", async () => {
    const result = await ask.answer(
      "wie is de landelijk ambassadeur voor complexe casuïstiek bij het OZJ, en wat is het doel voor 2027 qua VA bij jongeren die met machtiging residentieel geplaatst worden?",
    );
    expect(result.text).toContain("Gieke Buur");
    expect(result.text).toContain("“In 2027:”\n- Is voor alle jongeren met een machtiging voor plaatsing in een residentiële voorziening een gedeelde verklarende analyse opgesteld");
    expect(result.text.split(/\s+/).length).toBeLessThanOrEqual(70 + 40);
  });

  it("gives the later question its next-best quote when the answer already shows its best one, within the word budget", async () => {
    const result = await ask.answer("Bij hoeveel conflicten tussen gemeenten en aanbieders bemiddelde het OZJ, en waar gaan die conflicten over?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("35 conflicten");
    expect(result.text).toContain("Onderwerpen van conflict zijn de contractvoorwaarden");
    expect(result.text.split(/\s+/).length).toBeLessThanOrEqual(75);
  });

  it("reads the passages for at most two new acronyms per question, however many a message types", async () => {
    const fresh = new KnowledgeBase({ contentDir });
    await fresh.ingest(corpus);
    const deps = (fresh as unknown as { retriever: { deps: { texts: () => Iterable<string> } } }).retriever.deps;
    const texts = deps.texts;
    let reads = 0;
    deps.texts = () => {
      reads++;
      return texts();
    };
    await fresh.retrieve("wat zeggen AB, CD, EF, GH, IJ en KL over de JeugdzorgPlus?", 5);
    expect(reads).toBe(2);
    // Looked up once: asking again reads nothing for the acronyms already known.
    await fresh.retrieve("en AB en CD?", 5);
    expect(reads).toBe(2);
  });

  it("never returns a table of contents, which names every topic and answers none", async () => {
    const passages = await knowledge.retrieve("ik ben huisarts in rijnmond, hoe word ik ondersteund bij het verwijzen?", 10);
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.map((p) => p.chunk.sectionPath.join(" > "))).not.toContainEqual(expect.stringMatching(/INHOUD/i));
    expect(passages[0]?.chunk.sectionPath.at(-1)).toMatch(/huisarts/i);
  });

  it("reads an acronym the synonym table does not list as the words the documents use with those initials", async () => {
    const [top] = await knowledge.retrieve("is het geld voor zorg aan EMB-leerlingen op school omhooggegaan?", 5);
    expect(top?.chunk.text).toMatch(/ernstig meervoudige beperking/);
  });

  it("abstains, with text, when no sentence shares a word with the question ('wat is het weer morgen?')", async () => {
    const result = await ask.answer("Wat is het weer morgen?");
    expect(result.status).toBe("abstained");
    expect(result.text.trim()).not.toBe("");
    expect(result.offTopic).toBe(true);
    // A question about what the documents cover that they leave open is not off-topic.
    const open = await ask.answer("wat is het dagtarief voor een plek in de JeugdzorgPlus?");
    expect(open.status).toBe("abstained");
    expect(open.offTopic).toBeUndefined();
  });

  it("shows under a refusal, per passage, the statement closest to the question, never a question from a slide", async () => {
    // New-user try: "Kun je vinden in het voorstel …, waarom wel of niet?" was what came closest, again and again.
    const result = await ask.answer("hoe lang is een machtiging gesloten jeugdhulp geldig?");
    expect(result.status).toBe("abstained");
    expect(result.sources.length).toBeGreaterThan(0);
    for (const source of result.sources) {
      expect(source.quote).not.toMatch(/\?\s*…?$/);
      // Each shows a line with a word of the question, not the passage's opening.
      expect(source.quote, source.quote).toMatch(/gesloten|machtiging|jeugdhulp|geldig/i);
    }
  });

  it("shows under a refusal that names a place what comes closest in that place's documents, one line per section", async () => {
    // New-user try: "en in rijnmond?" was refused with three Groningen/Drenthe passages.
    for (const question of ["wat is het servicepunt jz+ precies en wie zit daar? en in rijnmond?", "hoeveel kost een plek in rijnmond?"]) {
      const result = await ask.answer(question);
      expect(result.status, question).toBe("abstained");
      expect(result.sources.length, question).toBeGreaterThan(0);
      expect(result.sources.every((s) => s.documentId === "regiovisie-jeugdhulp-rijnmond-2020.md"), question).toBe(true);
      expect(new Set(result.sources.map((s) => s.section)).size, question).toBe(result.sources.length);
    }
  });

  it("answers 'wat doet het servicepunt precies?' with what the plans say of it, marked as no description", async () => {
    // Verification try: the route's steps answered it, because one step names the Servicepunt.
    const result = await ask.answer("wat doet het servicepunt precies");
    expect(result).toMatchObject({ status: "answered", undefinedTerm: "servicepunt", undefinedTermVerb: "doet" });
    expect(result.text).not.toContain("Huidige route aanvraag machtiging:");
    expect(result.sources.length).toBeGreaterThan(1);
  });

  it("gives what a cited passage says after the lines an answer showed, for a follow-up that asks what follows", async () => {
    const result = await ask.answer("moet een pleeggezin dichtbij de oude woonomgeving zitten?");
    const next = ask.continuation(result.sources[0]!, result.text);
    expect(next?.text).toContain("Als er geen pleegzorggezinnen in de nabijheid zijn, kunnen gezinshuizen een goed alternatief vormen voor pleegzorg.");
    expect(next?.sources[0]?.section).toBe(result.sources[0]?.section);
    expect(next?.continuesPassage).toBe(true);
  });

  it("answers 'hoe werkt het servicepunt …?' with what the plans say of it, marked as no description of how it works", async () => {
    // Test of the thirty-seventh session: one step that names the Servicepunt came back as if it told how it works.
    const result = await ask.answer("hoe werkt het servicepunt jeugdzorgplus in groningen?");
    expect(result).toMatchObject({ status: "answered", undefinedTerm: "servicepunt jeugdzorgplus", undefinedTermVerb: "werkt" });
  });

  it("answers 'hoe werkt casusregie …?' with the steps it is set out in, and the later question from its own passages", async () => {
    // New-user try of the forty-third session: the lead-in "… onderscheidt de regio nu vier stappen:" came
    // without its steps, under "Hoe „casusregie” precies werkt, staat niet in de plandocumenten", and
    // the OTS question was called open.
    const message = "hoe werkt casusregie in rijnmond? wie heeft de regie als er een ots loopt";
    const result = await ask.answer(message);
    expect(result.text).toMatch(/vier stappen:”\n- Stap 1 – Vraaganalyse/);
    expect(result.undefinedTerm).toBeUndefined();
    expect(result.unanswered).toBeUndefined();
    expect(result.text).toContain("bij de GI te liggen");
    expectMarkersMatchSources(result, message);
  });

  it("marks the answer to a 'wie …?' question whose quotes name no one, and not one that names someone", async () => {
    // Three new-user tries: a list of goals answered "wie beslist …?" as if it said who.
    expect((await ask.answer("Wie beslist uiteindelijk over een gesloten plaatsing?")).noActor).toBe(true);
    const chair = await ask.answer("wie is de voorzitter van de stuurgroep transformatie?");
    expect(chair.status).toBe("answered");
    expect(chair.noActor).toBeUndefined();
    // Lines that name only what the question names ("regionale expertteams") do not say who is in it.
    const team = await ask.answer("wie zit er in het expertteam?");
    expect(team.text).toContain("regionale expertteams");
    expect(team.noActor).toBe(true);
    // A line on the subject that names others does.
    const board = await ask.answer("wie zitten er in de regiegroep?");
    expect(board.text).toContain("bestuurders van aanbieders");
    expect(board.noActor).toBeUndefined();
    // An abbreviation of a thing ("HSJ kennis") names no one (content/synonyms.yaml, things).
    const desk = await ask.answer("wie zit er in het servicepunt jeugdzorgplus?");
    expect(desk.text).toContain("HSJ");
    expect(desk.noActor).toBe(true);
    // Nor do the words of such an abbreviation written with capitals ("een gedeelde Verklarende Analyse"; new-user try).
    const judge = await ask.answer("wie beslist uiteindelijk over een machtiging voor jz+? de kinderrechter?");
    expect(judge.text).toContain("Verklarende Analyse");
    expect(judge.noActor).toBe(true);
    // "de JeugdzorgPlus" names the care, not who decides.
    expect((await ask.answer("wie beslist over een spoedmachtiging?")).noActor).toBe(true);
    // Nor a capitalised Dutch word in word-cloud cells run together ("… slecht bereikbaar Gebrek aan vertrouwen"; new-user try).
    const cloud = await ask.answer("wie is verantwoordelijk voor het servicepunt?");
    expect(cloud.text).toContain("Gebrek aan vertrouwen");
    expect(cloud.noActor).toBe(true);
    // What the question names outside its "wie" clause may be the answer ("Stuurgroep Zorg voor de Jeugd").
    const reports = await ask.answer("komt er voor actielijn 2 een eigen stuurgroep of aan wie rapporteert bgzj?");
    expect(reports.text).toContain("Stuurgroep Zorg voor de Jeugd");
    expect(reports.noActor).toBeUndefined();
  });

  it("reads past a remark after the question that only says who asks, not one with a place", async () => {
    // Third new-user try: "… ipv regulier? vraag vanuit de GI" was refused, for the GI no quote names.
    const asked = await ask.answer("hoeveel jongeren gaan met een spoedmachtiging de jz+ in ipv regulier? vraag vanuit de GI");
    expect(asked.status).toBe("answered");
    expect(asked.text).toContain("circa 70%");
    // Where the asker works may be why the documents do not answer.
    expect((await ask.answer("hoe vraag ik een machtiging aan? ik werk als huisarts in Amsterdam")).status).toBe("abstained");
    // Nor one that says what the answer is for (new-user try of the forty-third session: "„notitie”
    // komt in „Regiovisie …” niet voor" led the answer).
    const forANote = await ask.answer("wat zegt de regiovisie over inkoop? ik moet er een notitie over schrijven");
    expect(forANote.notNamedIn).toBeUndefined();
    expect(forANote.text).toContain("lokaal- en regionaal ingekochte");
  });

  it("reads 'inschakelen' as putting a case to a team ('inbrengen bij')", async () => {
    // Second new-user try: "… en wanneer moet ik die inschakelen?" got the HSJ line, not when to go to the Servicepunt.
    const when = await ask.answer("wat is dat servicepunt jeugdzorgplus eigenlijk? en wanneer moet ik die inschakelen?");
    expect(when.text).toContain("Op tijd inbrengen bij Servicepunt en/of Expertteam");
  });

  it("reads 'hoe kijkt X naar Y?' as asking a view, not a means", async () => {
    // New-user try: a line with "bijvoorbeeld" (read as a means) led, before "pleegzorg de beste optie".
    const view = await ask.answer("hoe kijkt rijnmond naar pleegzorg ipv residentieel");
    expect(view.text).toMatch(/^“Van alle vormen van verblijf \(pleegzorg, residentieel en langdurig verblijf\) is pleegzorg de beste optie\.”/);
  });

  it("marks the answer to 'hoe doe ik …?' whose quotes give no means or steps, and not one that does", async () => {
    // New-user try: a 2027 goal answered how to draw up a shared explanatory analysis.
    const goal = await ask.answer("hoe stel ik een gedeelde verklarende analyse op?");
    expect(goal.text).toContain("In 2027");
    expect(goal.noMeans).toBe(true);
    // "Dit doen we bijvoorbeeld via de POH GGZ Jeugd": a means.
    const means = await ask.answer("hoe kan ik als huisarts beter doorverwijzen?");
    expect(means.text).toContain("via de Praktijkondersteuner");
    expect(means.noMeans).toBeUndefined();
    // The steps of the current route say how.
    const steps = await ask.answer("hoe vraag ik een machtiging aan voor jeugdzorgplus?");
    expect(steps.text).toContain("Huidige route aanvraag machtiging");
    expect(steps.noMeans).toBeUndefined();
    // A question about how the plans go about something is not marked.
    expect((await ask.answer("hoe willen ze verwijzers beter leren een VA te maken?")).noMeans).toBeUndefined();
  });

  it("answers a question about the placement route, in Wegwijs's own word, with the route's steps", async () => {
    const result = await ask.answer("hoe loopt de plaatsingsroute?");
    expect(result.text).toContain("Huidige route aanvraag machtiging:");
    expect(result.text).toContain("- Consultvraag stellen bij Servicepunt");
  });

  it("answers what a document says about costs, without asking for a sum of money", async () => {
    const result = await ask.answer("Wat zegt de regiovisie over de kosten en het budget van de jeugdhulp in Rijnmond?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("De kosten zijn de afgelopen jaren gestegen.");
    // A question for the sum itself still wants one.
    expect((await ask.answer("wat kost een plek in de jeugdzorgplus?")).status).toBe("abstained");
  });

  it("says so when the document a question asks about never mentions what it asks about, though another document does", async () => {
    const result = await ask.answer("wat zegt het actieplan over de rol van gedragswetenschappers?");
    expect(result.notNamedIn).toEqual({ word: "gedragswetenschappers", title: "De best passende zorg voor kwetsbare jongeren" });
    // A thing the named document does mention gets no such word.
    expect((await ask.answer("wat zegt het actieplan over separeren?")).notNamedIn).toBeUndefined();
    // Chat shorthand the documents happen to use ("vd": van de) is not what the question is about.
    expect((await ask.answer("wat zegt de regiovisie rijnmond over de rol vd huisarts")).notNamedIn).toBeUndefined();
    // Shorthand the synonym list spells out names a thing (new-user try of the thirty-fifth session:
    // the regiovisie never says JeugdzorgPlus, and the answer said nothing of it).
    // Its own lines held nothing but its name: what the other documents say, under that notice.
    const jzPlus = await ask.answer("staat er in de regiovisie rijnmond iets over jz+ of gesloten plaatsing?");
    expect(jzPlus.notNamedIn).toEqual({ word: "jz+", title: "Regiovisie jeugdhulp regio Rijnmond", elsewhere: true });
    expect(jzPlus.text).not.toContain("vast te laten stellen");
    // A figure is written in many ways: "18+" is in "18-plus" (third try of that session).
    expect((await ask.answer("wat staat er in de regiovisie over jongeren die 18+ worden?")).notNamedIn).toBeUndefined();
    // Nor a verb (new-user try of the forty-second session: "„bereikt” komt in … niet voor").
    expect((await ask.answer("wat moet er in 2027 bereikt zijn volgens de nieuwe werkwijze?")).notNamedIn).toBeUndefined();
    // The place in the asker's story before the question is not what is asked about (second try of that session).
    expect((await ask.answer("werk bij gemeente schiedam, beleid jeugd. wat staat er in het landelijke actieplan over kleinschalige woonvormen ipv grote jz+ groepen?")).notNamedIn).toBeUndefined();
    // Nor the person in the asker's case ("een jongen van 16"), nor an adjective ("realistisch")
    // (new-user try of the forty-fourth session) ...
    expect((await ask.answer("pleegzorg voor een jongen van 16, is dat nog realistisch volgens de regiovisie of moet ik aan residentieel denken?")).notNamedIn).toBeUndefined();
    // ... nor a word the document holds inside a longer one ("personeelwisselingen") or writes apart ("groeps grootte").
    expect((await ask.answer("wat zegt het landelijke actieplan over personeel / arbeidsmarkt in de jz+? verloop, werkdruk enzo")).notNamedIn).toBeUndefined();
    expect((await ask.answer("wat zegt het landelijke actieplan over groepsgrootte en separeren?")).notNamedIn).toBeUndefined();
  });

  it("does not answer a how-long question with a span of time about something else", async () => {
    // "Elke jeugdige weet binnen een half jaar waar hij … woont" does not say how long a file is kept.
    expect((await ask.answer("hoe lang bewaar je een dossier van een jeugdige?")).status).toBe("abstained");
  });

  it("calls a question off-topic when it shares only a name and common words with the documents and has a word they never use", async () => {
    const train = await ask.answer("weet jij hoe laat de trein van Groningen naar Zwolle gaat?");
    expect(train.status).toBe("abstained");
    expect(train.offTopic).toBe(true);
    // Two things named in a row ("voor medicatie zoals antipsychotica") are both the thing asked about.
    expect((await ask.answer("welke regels gelden er voor medicatie zoals antipsychotica bij jongeren in de jeugdzorgplus?")).status).toBe("abstained");
    // A figure is no topic the documents share either.
    expect((await ask.answer("welke dosering methylfenidaat bij kind 8 jr 25kg?")).offTopic).toBe(true);
    // Typed in lower case, "laat" is no common word and a line with "laten" and Groningen matched:
    // more than half of the question's weight on words the documents never use ("trein", "zwolle")
    // is refused all the same.
    const lower = await ask.answer("hoe laat gaat de trein van groningen naar zwolle?");
    expect(lower.status).toBe("abstained");
    // One such word may be a paraphrase of the documents' own: still answered.
    expect((await ask.answer("wat moet er bij een spoedberaad aanschuiven?")).status).toBe("answered");
    // Unless it is the thing the question names, after an article, and weighs a good part of it.
    expect((await ask.answer("hoe vraag ik een parkeervergunning aan?")).status).toBe("abstained");
    expect((await ask.answer("wat zijn de openingstijden van het servicepunt?")).status).toBe("abstained");
    // Also when the question names the Servicepunt's region, which a list of what to organise mentions
    // (new-user try of the forty-second session: three of its items came as the answer).
    expect((await ask.answer("wat zijn de openingstijden van het servicepunt jz+ in groningen/drenthe?")).status).toBe("abstained");
    expect((await ask.answer("wanneer is het servicepunt open?")).status).toBe("abstained");
    expect((await ask.answer("waar kan ik een nieuw paspoort aanvragen?")).status).toBe("abstained");
    // After "zijn" or "haar" as well (second new-user try of the twenty-ninth session: quotes on individual care).
    expect((await ask.answer("mag een jongere in de jz+ zijn mobiel houden?")).status).toBe("abstained");
    // Or after a word that names the topic or gives an example of it: "voor medicatie (bijv antipsychotica)".
    expect((await ask.answer("welke regels gelden er voor medicatie (bijv antipsychotica) bij jongeren in jz+?")).status).toBe("abstained");
    expect((await ask.answer("is er aandacht voor ervaringsdeskundigheid?")).status).toBe("answered");
    // The noun right after the article, not a word after it: "de ouderbijdrage bij pleegzorg".
    expect((await ask.answer("hoe werkt de ouderbijdrage bij pleegzorg?")).status).toBe("abstained");
    // "Het verdient daarom aanbeveling …" says nothing of what anyone earns.
    expect((await ask.answer("wat verdient een gw'er bij een GI eigenlijk, welke schaal?")).status).toBe("abstained");
    // A question in English finds few words in Dutch documents: it is asked to be put in Dutch.
    const english = await ask.answer("who decides about a spoedmachtiging?");
    expect(english.status).toBe("abstained");
    expect(english.text).toBe(ASK_IN_DUTCH_TEXT);
    // Also when the documents know its other words ("item", "6"): three English-only words make it English.
    expect((await ask.answer("can you mark item 6 as done please")).text).toBe(ASK_IN_DUTCH_TEXT);
    // A Dutch question with an English term is Dutch.
    expect((await ask.answer("wat is evidence based en practice based werken?")).status).toBe("answered");
    // "is" is Dutch too: a refused Dutch question with it twice is no English (new-user try of the forty-third session).
    expect((await ask.answer("wat is het telnr van het servicepunt in drenthe? en wie is daar de contactpersoon?")).text).not.toBe(ASK_IN_DUTCH_TEXT);
    // A word the documents never use in a question about what they cover keeps the ordinary refusal.
    const advocate = await ask.answer("Heeft een jongere recht op een advocaat bij de zitting over de machtiging?");
    expect(advocate.offTopic).toBeUndefined();
  });

  it("does not answer with quotes that share only the place the question names ('… in Rotterdam?')", async () => {
    const weather = await ask.answer("wat is het weer morgen in Rotterdam?");
    expect(weather.status).toBe("abstained");
    // Typed in lower case, it is still the place the documents write with a capital.
    expect((await ask.answer("wat is het weer morgen in rotterdam?")).status).toBe("abstained");
    // The place as where the asker works, with a question the quotes answer, still gets its answer.
    const gp = await ask.answer("Ik werk als huisarts in de regio Rotterdam. Hoe helpt de regio huisartsen bij de vraagverheldering?");
    expect(gp.status).toBe("answered");
  });

  it("counts an abbreviation in a second question as answered only by itself or its full name, not by one word of it", async () => {
    // "GRJR" expands to "… Jeugdhulp Rijnmond": a list that says "jeugdhulp" does not answer "hoeveel gemeenten … in de GRJR?".
    const result = await ask.answer("uit hoeveel bouwstenen bestaat de regiovisie Rijnmond en hoeveel gemeenten doen er mee in de GRJR?");
    expect(result.text).toContain("15 GRJR-gemeenten");
  });

  it("reads a short first sentence without a verb as the asker's introduction ('Beleidsadviseur jeugd gemeente Ridderkerk.')", async () => {
    const result = await ask.answer("Beleidsadviseur jeugd gemeente Ridderkerk. Welke leidende principes heeft het AB van de GRJR vastgesteld?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Kinderen hebben een (t)huis en kunnen naar school.");
    // A name in the question itself still has to be quoted.
    expect((await ask.answer("Beleidsadviseur jeugd. Welke leidende principes heeft de gemeente Ridderkerk vastgesteld?")).status).toBe("abstained");
  });

  it("adds no quote for a name that only the asker's introduction has ('Ik werk in het wijkteam in Vlaardingen.')", async () => {
    const result = await ask.answer("Ik werk in het wijkteam in Vlaardingen. Vanaf welke leeftijd moeten jongeren volgens de regiovisie een stevige rol krijgen bij de keuze voor hulp?");
    expect(result.text).toContain("Jongeren vanaf 12 jaar");
    expect(result.text).not.toContain("Vlaardingen");
  });

  it("reads a title the question puts in quotes as which plan, not as what is asked about it", async () => {
    const result = await ask.answer("van wie is het plan 'de best passende zorg voor kwetsbare jongeren' eigenlijk een initiatief?");
    expect(result.text.split("\n")[0]).toMatch(/^“Het plan is een gezamenlijk initiatief van/);
  });

  it("lists principles A-G when asked for the principles, and not when they are only named on the way to a detail", async () => {
    const listed = await ask.answer("wat zijn de basisprincipes van het actieplan?");
    expect(listed.status).toBe("answered");
    const lines = listed.text.split("\n");
    expect(lines[0]).toBe("Basisprincipes:");
    expect(lines.slice(1, 8).map((line) => line.slice(0, 4))).toEqual(["- A.", "- B.", "- C.", "- D.", "- E.", "- F.", "- G."]);
    expect(lines[7]).toMatch(/\[1\]$/);
    expect(listed.sources[0]?.section).toContain("Basisprincipes");
    // The source quotes its own passage (the titles above are headings of the section it lies in).
    const cited = (await knowledge.retrieve("wat zijn de basisprincipes van het actieplan?", 5)).find((p) => p.chunk.sectionPath.join(" › ").endsWith(listed.sources[0]!.section));
    expect(cited?.chunk.text.replace(/\s+/g, " ")).toContain(listed.sources[0]!.quote.replace(/…$/, "").slice(0, 40));

    const detail = await ask.answer("hoe vaak moet je volgens de basisprincipes de veiligheidsweging herhalen?");
    expect(detail.text).not.toContain("Basisprincipes:");
  });

  it("finds a part the question names by its label", async () => {
    const [top] = await knowledge.retrieve("wat houdt basisprincipe C in?", 5);
    expect(top?.chunk.sectionPath.at(-1)).toMatch(/^C\. /);
    expect(knowledge.startsSection(top!.chunk)).toBe(true);
  });

  it("reads a named part from the top only when the passage found starts it; further down, its best line answers", async () => {
    const question = "wat zegt actielijn 5 over een jeugdbeschermer als de rechter een maatregel oplegt?";
    const [top] = await knowledge.retrieve(question, 5);
    expect(top?.chunk.sectionPath.at(-1)).toMatch(/^Actielijn 5/);
    expect(knowledge.startsSection(top!.chunk)).toBe(false);
    const answer = await ask.answer(question);
    expect(answer.text.split("\n")[0]).toMatch(/^“F Er is altijd een jeugdbeschermer .* wanneer de rechter een maatregel oplegt\.” \[1\]$/);
  });

  it("ranks a passage with an answer of the kind asked for as covering the word that asks for it ('vanaf welke leeftijd' / 'vanaf 12 jaar')", async () => {
    const question = "Vanaf welke leeftijd krijgen jongeren in Rijnmond inspraak in de keuze van hun hulp?";
    const passages = await knowledge.retrieve(question, 5);
    expect(passages.some((p) => p.chunk.text.includes("Jongeren vanaf 12 jaar"))).toBe(true);
    const answer = await ask.answer(question);
    expect(answer.text.split("[1]")[0]).toContain("vanaf 12 jaar");
  });

  it("reads the chat shorthand 'max' as 'maximaal', which the documents write", () => {
    expect(coversWord("hoeveel jongeren max op een kleinschalige groep?", (word) => word === "max", "Kleinschalig verblijf: maximaal 6 jongeren")).toBe(true);
  });

  it("reads the everyday 'ruzie' as the documents' 'conflict', in every form", () => {
    expect(coversWord("waar gaan ruzies tussen gemeente en aanbieder meestal over?", (word) => word.startsWith("ruzie"), "Onderwerpen van conflict zijn de contractvoorwaarden")).toBe(true);
  });

  it("reads places that 'verdwijnen' as places that are 'afgebouwd', and answers when", async () => {
    const answer = await ask.answer("wanneer verdwijnen de jz+ plekken?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toContain("Half 2027 zijn de JeugdzorgPlus-plekken (in de huidige vorm) om- en afgebouwd.");
  });

  it("reads 'problemen' and 'mis gaan' as the plans' 'knelpunten': the bottlenecks lead, not a case story", async () => {
    const answer = await ask.answer("Waarom gaat het nu zo vaak mis bij plaatsingen in de JeugdzorgPlus? Wat zijn de grootste problemen die ze zien?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toBe("“Geconstateerd wordt dat:”");
    expect(answer.text).not.toContain("gedragsproblemen (dwingend");
  });

  it("reads 'verdienen' as pay, and leads with the salary gap, not with a case story that says 'groepsleiding' and 'verdient'", async () => {
    const answer = await ask.answer("Waarom vinden ze dat de groepsleiders in de JeugdzorgPlus meer moeten verdienen?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toMatch(/^- Onevenwichtigheid in de salariering tussen JeugdzorgPlus en ambulante ondersteuning\./);
  });

  it("answers the question of a message that tells its context first, when the whole message is refused", async () => {
    const question = "Wat hoort er eigenlijk allemaal te gebeuren voordat je een machtiging aanvraagt?";
    const context = "Ik ben coördinator bij het Servicepunt JeugdzorgPlus. Een jeugdbeschermer belt me dat een meisje van 15 waarschijnlijk geplaatst moet worden.";
    const answer = await ask.answer(`${context} ${question}`);
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toBe("Huidige route aanvraag machtiging:");
  });

  it("keeps 'iedereen' as a word of the question: a plan 'van iedereen' is what is asked about", async () => {
    expect(knowledge.questionScorer("waarom is het belangrijk dat het plan van iedereen is?").words).toContain("iedereen");
    const passages = await knowledge.retrieve("waarom is het belangrijk dat het plan van iedereen is?", 5);
    expect(passages.some((p) => p.chunk.text.includes("iedereen voelt dat dit een gezamenlijk plan is"))).toBe(true);
  });

  it("reads 'het vaakst' as the plans' 'de grootste groep', as it reads 'de meeste'", () => {
    expect(coversWord("welke problematiek zien ze het vaakst bij complexe zorgvragen?", (word) => word === "vaakst", "De grootste groep zorgvragen betreft autisme of trauma.")).toBe(true);
  });

  it("reads 'eind 2020' and 'begin 2021' as the quarters the milestone tables use, only before a year", () => {
    const end = knowledge.questionScorer("wat was het streven voor overplaatsingen tegen eind 2020?");
    const eind = end.words.indexOf("eind");
    expect(end.covered("Q4 2020: het aantal overplaatsingen is sterk gereduceerd")[eind]).toBe(true);
    const start = knowledge.questionScorer("hoeveel minder moest het begin 2021 zijn?");
    expect(start.covered("2021 Q1: gedwongen afzonderingen teruggebracht met 80%.")[start.words.indexOf("begin")]).toBe(true);
    const ordinal = knowledge.questionScorer("wat moest er in het eerste kwartaal van 2021 klaar zijn?");
    expect(ordinal.covered("2021 Q1: gedwongen afzonderingen teruggebracht met 80%.")[ordinal.words.indexOf("eerste")]).toBe(true);
    const noYear = knowledge.questionScorer("wat gebeurt er aan het eind van de plaatsing?");
    expect(noYear.covered("Q4 2020: het aantal overplaatsingen is sterk gereduceerd")[noYear.words.indexOf("eind")]).toBe(false);
  });

  it("reads the intensifier 'helemaal' as no word of what is asked", () => {
    const scorer = knowledge.questionScorer("waarom willen ze eigenlijk helemaal stoppen met separeren?");
    expect(scorer.words).not.toContain("helemaal");
    expect(scorer.words.some((word) => word.startsWith("separ"))).toBe(true);
  });

  it("reads the chat word 'kids' as the documents' 'kinderen'", async () => {
    const answer = await ask.answer("hoeveel kids kregen in 2019 eigenlijk jeugdhulp, landelijk?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toContain("1 op de 8 kinderen");
  });

  it("weighs a line that cites the named document's title in another document no more than in that document itself", () => {
    const score = knowledge.textScorer("Wat is de kernvraag van het actieplan best passende zorg voor kwetsbare jongeren?");
    const chunks = knowledge.allChunks();
    const report = chunks.find((chunk) => chunk.documentId.startsWith("voortgangsrapportage"))!;
    const plan = chunks.find((chunk) => chunk.documentId.startsWith("actieplan"))!;
    const citation = "D Actieplan: De best passende zorg voor kwetsbare jongeren.";
    expect(score(citation, report)).toBeLessThanOrEqual(score(citation, plan));
  });

  it("leads a 'welke X' question with the line that names X, not one that shares its other words", async () => {
    const answer = await ask.answer("Welke inhoudelijke kernideeën noemt Arne Popma voor het verbeteren van de gesloten jeugdzorg?");
    expect(answer.text.split("\n")[0]).toContain("inhoudelijke kernideeën op papier gezet");
  });

  it("leads a 'wat zijn de X van …' question with the line that names X, as a 'welke X' question", async () => {
    const answer = await ask.answer("wat zijn de belangrijkste ingrediënten van de gefaseerde ketenzorg benadering in Rijnmond?");
    expect(answer.text.split("\n")[0]).toContain("Belangrijke ingrediënten daarin zijn dat:");
  });

  it("answers who chairs a body from the signature under a section, and not for another body", async () => {
    const chair = await ask.answer("wie is de voorzitter van de stuurgroep transformatie in rijnmond?");
    expect(chair.status).toBe("answered");
    expect(chair.text.split("\n")[0]).toContain("Wouter Struijk, Voorzitter van de stuurgroep transformatie");
    const other = await ask.answer("wie is de voorzitter van de raad van bestuur van elker?");
    expect(other.status).toBe("abstained");
  });

  it("answers 'wat was de aanleiding …?' from the section titled 'Aanleiding', not with the line that names the document's region", async () => {
    const answer = await ask.answer("wat was de aanleiding voor de nieuwe werkwijze in groningen en drenthe?");
    expect(answer.text.split("\n")[0]).toContain("Oproep van wethouder Molema");
  });

  it("refuses the weather, also with a region typed in lower case, and takes no word after a stop word for what is asked", async () => {
    for (const question of ["wat is het weer morgen?", "wat is het weer morgen in groningen?", "wat is het weer morgen in Groningen?"]) {
      expect((await ask.answer(question)).status, question).toBe("abstained");
    }
  });

  it("answers who made a document from its details in corpus.json, and a message that asks more from the text", async () => {
    const makers = await ask.answer("welke organisaties hebben de nieuwe werkwijze plaatsing in groningen en drenthe gemaakt?");
    expect(makers.text).toContain("Elker, Accare, Molendrift en gemeenten. [1]");
    expect(makers.sources).toEqual([expect.objectContaining({ n: 1, documentId: groningen, section: "Documentgegevens" })]);
    const both = await ask.answer("van wie is het plan passende zorg voor kwetsbare jongeren nou eigenlijk, en onder welk programma valt het?");
    expect(both.text).toContain("onderdeel van het Actieprogramma Zorg voor de Jeugd");
    expect(both.sources.every((s) => s.section !== "Documentgegevens")).toBe(true);
  });

  it("returns at most k passages, each with a coverage between 0 and 1", async () => {
    const passages = await knowledge.retrieve("welke rol hebben gemeenten bij de transformatie van de JeugdzorgPlus?", 5);
    expect(passages).toHaveLength(5);
    expect(new Set(passages.map((p) => p.chunk.id)).size).toBe(5);
    for (const p of passages) {
      expect(p.coverage).toBeGreaterThanOrEqual(0);
      expect(p.coverage).toBeLessThanOrEqual(1);
    }
  });
});

describe("answers over the shipped corpus", () => {
  it("answers with quoted sentences and sources that point at retrieved text", async () => {
    const result = await ask.answer("hoeveel procent van de jongeren komt met een spoedmachtiging in de JZ+?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("70%");
    const cited = result.sources.find((s) => s.documentId === groningen);
    expect(cited?.section).toContain("Knelpunten");
    expect(result.text).toMatch(/\[\d\]/);
  });

  it("numbers the sources without gaps, in the order the answer cites them", async () => {
    for (const question of ["wanneer is de regiovisie rijnmond vastgesteld?", "hoeveel gemeenten zitten er in de GRJR?", "wat doet het expertteam?"]) {
      const result = await ask.answer(question);
      const numbers = [...result.sources, ...result.moreSources].map((s) => s.n);
      expect(numbers, question).toEqual(numbers.map((_, i) => i + 1));
      const markers = [...new Set([...result.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
      expect(markers, question).toEqual(result.sources.map((s) => s.n));
    }
  });

  it("leads a question about one age with the age range that holds it, not a case story of a child that age", async () => {
    const result = await ask.answer("is pleegzorg in rijnmond ook iets voor een meisje van 15?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n")[0]).toContain("14 jaar tot 23 jaar");
  });

  it("leads 'geldt dat ook voor een meisje van 15?' after a question on pleegzorg with the age range, not with a sentence that 'geldt'", async () => {
    const result = await ask.answer("hoe denkt rijnmond over pleegzorg voor pubers? geldt dat ook voor een meisje van 15?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n")[0]).toContain("14 jaar tot 23 jaar");
  });

  it("quotes a sentence whose subject is 'zij' with the sentence before it that says who they are", async () => {
    const result = await ask.answer("welke jongeren lopen t meeste risico dat ze na residentieel verblijf niet meer terug naar huis kunnen?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n")[0]).toMatch(/vanaf 16 jaar nodig\. Zij lopen/);
  });

  it("quotes a sentence that only says someone has a role in something with the next one, which says what the role is", async () => {
    const result = await ask.answer("wat is de rol van de casusregisseur bij afschalen?");
    expect(result.text.split("\n")[0]).toMatch(/een belangrijke rol in het afschalen\. Als hulp kan worden afgeschaald of afgerond, dan zorgt de casusregisseur voor de voorwaarden/);
  });

  it("weighs what a quote holds of a follow-up without the words the documents never use", async () => {
    // Second new-user try: "neerleggen" outweighed "consultvraag", and the reply said there was nothing.
    expect(ask.weightHeldBy("waar moet ik die consultvraag dan neerleggen?", "- Consultvraag stellen bij Servicepunt")).toBeGreaterThanOrEqual(0.5);
    expect(ask.weightHeldBy("waar moet ik die consultvraag dan neerleggen?", "- Aanvraag machtiging")).toBe(0);
  });

  it("quotes the sentence about what is asked, not the one repeating the document's own name", async () => {
    const result = await ask.answer("wat doet het INT in de nieuwe werkwijze in Groningen?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Integraal Netwerkversterkend Team");
  });

  it("abstains when the documents do not have what is asked, and still shows the nearest sources", async () => {
    const result = await ask.answer("wat is het telefoonnummer van het Servicepunt JZ+ in Groningen?");
    expect(result.status).toBe("abstained");
    expect(result.text).toContain("geen antwoord");
    expect(result.sources.length).toBeGreaterThan(0);
  });

  it("abstains on a question about a date the documents do not give", async () => {
    const result = await ask.answer("per welke datum doet Friesland mee met de nieuwe werkwijze?");
    expect(result.status).toBe("abstained");
  });

  it("does not take the words that ask for a figure for what the figure is about ('hoe hoog' in 'de ambitie is hoog')", async () => {
    const result = await ask.answer("hoe hoog is de ouderbijdrage?");
    expect(result.status).toBe("abstained");
    const answered = await ask.answer("hoe hoog is het budget voor de regeling voor leerlingen met een ernstig meervoudige beperking?");
    expect(answered.status).toBe("answered");
    expect(answered.text).toContain("miljoen");
  });

  it("answers 'wie is de …?' only with a name in a sentence that names the role asked about", async () => {
    const named = await ask.answer("Wie is de ambassadeur voor complexe casussen bij het OZJ?");
    expect(named.status).toBe("answered");
    expect(named.text).toContain("Gieke Buur");
    const unnamed = await ask.answer("Wie is de voorzitter van het Ondersteuningsteam Zorg voor de Jeugd?");
    expect(unnamed.status).toBe("abstained");
  });

  it("answers 'welke vier …?' only with text that gives that many: the number by what is counted, or a list that long", async () => {
    const listed = await ask.answer("wat zijn de drie soorten veranderopgaven in het actieplan?");
    expect(listed.status).toBe("answered");
    expect(listed.text).toContain("drie soorten veranderopgaven");
    const unlisted = await ask.answer("welke 4 fases kent de aanpak van huiselijk geweld in de wijk?");
    expect(unlisted.status).toBe("abstained");
  });

  it("abstains when a name the question is about is in no quote (an institution the documents never mention)", async () => {
    const known = await ask.answer("Wat doet het Servicepunt JeugdzorgPlus in Groningen en Drenthe?");
    expect(known.status).toBe("answered");
    const unknown = await ask.answer("Wat doet het Servicepunt JeugdzorgPlus van Zonnewende in Groningen en Drenthe?");
    expect(unknown.status).toBe("abstained");
  });

  it("reads a place the asker works in as where, not what: covered when a cited document names it", async () => {
    const rijnmond = await ask.answer("Ik werk als huisarts in de regio Rotterdam. Hoe helpt de regio huisartsen bij de vraagverheldering?");
    expect(rijnmond.status).toBe("answered");
    expect(rijnmond.sources[0]?.documentId).toBe("regiovisie-jeugdhulp-rijnmond-2020.md");
    // A place no cited document names is still a reason to refuse, and so is a name that is no place.
    expect((await ask.answer("Ik werk als huisarts in Amsterdam. Hoe helpt de regio huisartsen bij de vraagverheldering?")).status).toBe("abstained");
    expect((await ask.answer("Wat doet Accare voor huisartsen in de regio Rotterdam?")).status).toBe("abstained");
  });

  it("counts a name typed in full as covered by the abbreviation the documents use ('GR Jeugdhulp Rijnmond', 'GRJR')", async () => {
    const result = await ask.answer("Hoeveel gemeenten zitten in de GR Jeugdhulp Rijnmond?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("15 GRJR-gemeenten");
  });

  it("counts an abbreviation typed in capitals as covered by the words it is the initials of ('GD', 'Groningen en Drenthe')", async () => {
    const result = await ask.answer("wat willen ze in GD in 2027 bereikt hebben met de nieuwe werkwijze?");
    expect(result.status).toBe("answered");
    expect(result.sources[0]?.documentId).toBe(groningen);
    // Initials that spell out nothing the documents say stay a reason to refuse.
    expect((await ask.answer("wat willen ze in GZ in 2027 bereikt hebben met de nieuwe werkwijze?")).status).toBe("abstained");
  });

  it("answers 'wat betekent JIM?' with the sentence that spells it out, not one that only uses it", async () => {
    const result = await ask.answer("wat betekent JIM?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n")[0]).toMatch(/^“[^”]*JIM \(Jouw Informele Mentor\)/);
  });

  it("reads 'de meeste' as the plans' 'de grootste groep' or 'de meerderheid'", async () => {
    const result = await ask.answer("Bij hoeveel vragen over complexe casuïstiek was het programma tot 1 juli 2020 betrokken? en waar gingen de meeste vragen over?");
    expect(result.text).toContain("138 vragen");
    expect(result.text).toContain("De grootste groep zorgvragen betreft");
    expect(result.unanswered).toBeUndefined();
  });

  it("answers a slide's question heading with its list's lead-in and items, over another slide's line with the same year", async () => {
    // New-user try of the forty-second session: "Half 2027 zijn de JeugdzorgPlus-plekken … afgebouwd" came instead.
    const result = await ask.answer("waar werken ze naar toe in 2027?");
    expect(result.text.split("\n").slice(0, 2)).toEqual(["“In 2027:”", "- Is voor alle jongeren met een machtiging voor plaatsing in een residentiële voorziening een gedeelde verklarende analyse opgesteld"]);
  });

  it("answers a slide's own question heading with its bullets, not as off-topic", async () => {
    const result = await ask.answer("Wat kunnen we vanaf morgen anders doen?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n").slice(0, 2)).toEqual(["Wat kunnen we vanaf morgen anders doen?", "- Hanteren reguliere route plaatsing"]);
    expect(result.sources[0]?.section).toContain("Wat kunnen we vanaf morgen anders doen?");
    // Asked in chat words ("nu al", "per direct"), it is the same slide (test of the thirty-seventh session: refused as off-topic).
    for (const asked of ["wat kan ik nu al anders doen?", "wat moeten we per direct anders doen?"]) {
      const chat = await ask.answer(asked);
      expect(chat.sources[0]?.section, asked).toContain("Wat kunnen we vanaf morgen anders doen?");
    }
  });

  it("answers a slide's question heading with its whole list once the words naming the document and region are set aside", async () => {
    // New-user tries of the forty-sixth session: "De nieuwe werkwijze heeft … betrekking op de
    // jeugdhulpregio Groningen en Drenthe" came alone, or item 8 of the nine.
    for (const asked of ["wat moet de regio nog organiseren volgens de nieuwe werkwijze in groningen en drenthe?", "wat moet de regio gr/dr nog organiseren voor die nieuwe werkwijze"]) {
      const result = await ask.answer(asked);
      expect(result.sources[0]?.section, asked).toBe("Wat moeten we organiseren?");
      expect(result.text, asked).toMatch(/^1\. De nieuwe werkwijze vraagt om het vermogen/);
      expect(result.text, asked).toContain("9. Nadere uitwerking van bovenstaande");
      expect(result.text, asked).not.toContain("betrekking op de jeugdhulpregio");
    }
    const doctor = await ask.answer("wat kan ik morgen anders doen als huisarts in drenthe?");
    expect(doctor.status).toBe("answered");
    expect(doctor.sources[0]?.section).toBe("Wat kunnen we vanaf morgen anders doen?");
  });

  it("finds the convenant on 'tijdschrijven' for minutes or hours written down in other words", async () => {
    for (const asked of ["welke partijen hebben afgesproken dat we in de jeugdzorg moeten stoppen met het minutenschrijven?", "wie hebben die afspraak getekend om in de jeugdzorg te stoppen met het bijhouden van uren?"]) {
      const passages = await knowledge.retrieve(asked, 5);
      expect(passages.some((p) => p.chunk.text.includes("door VWS, VNG, Jeugdzorg Nederland en FNV")), asked).toBe(true);
    }
  });

  it("finds 'mee te praten' for 'meepraatten', a separable verb typed as one word", async () => {
    // Sets g, k, m and questions-2 ask it; the passage that answers was not found.
    const result = await ask.answer("welke onderwerpen brachten de ervaringsdeskundige jongeren in toen ze meepraatten over de JeugdzorgPlus?");
    expect(result.sources[0]?.section).toBe("Mét jongeren praten en niet alleen over hen");
    expect(result.text).toContain("Groepsgrootte, veiligheid, onnodige overplaatsingen");
  });

  it("answers 'hoe kom ik aan een machtiging?' with the route's steps, also when a remark denies urgency", async () => {
    // New-user try of the forty-seventh session: the knelpunten on emergency authorisations came instead.
    // And again in the forty-eighth: a remark asking for the regular one ("gewoon regulier") brought them back.
    for (const asked of ["hoe kom ik aan een machtiging jz+ in gr/dr?", "hoe kom ik aan een machtiging jz+? geen spoedmachtiging", "hoe kom ik aan een machtiging voor jz+? geen spoed, gewoon regulier", "hoe kom ik aan een reguliere machtiging voor jz+?"]) {
      const result = await ask.answer(asked);
      expect(result.sources[0]?.section, asked).toBe("Huidige route aanvraag machtiging");
      expect(result.text.split("\n")[0], asked).toBe("Huidige route aanvraag machtiging:");
    }
    // Steps, not any means: a line on other partners with "bijvoorbeeld" did not say how parents stay involved.
    const parents = await ask.answer("hoe zorg ik dat ouders betrokken blijven tijdens een jz+ plaatsing?");
    expect(parents.sources.map((source) => source.section).join("\n")).not.toContain("6.6 Verantwoordelijkheid van overige partijen");
    expect(parents.noMeans).toBe(true);
  });

  it("marks a 'wanneer …?' answer whose quotes say nothing of when", async () => {
    // New-user try of the forty-eighth session: findings that name both kinds of authorisation answered it as if they said when.
    expect((await ask.answer("wanneer kies ik voor een spoedmachtiging ipv een reguliere?")).noWhen).toBe(true);
    expect((await ask.answer("wanneer zijn de jz+ plekken afgebouwd?")).noWhen).toBeUndefined();
  });

  it("adds no line that only names the place asked, when the lead's document is that place's plan", async () => {
    // New-user tries of the forty-eighth session: "De kracht van de regio Rijnmond ligt in de omvang …" under a Rijnmond answer on pleegzorg.
    const result = await ask.answer("welke vorm van pleegzorg heeft de voorkeur in rijnmond?");
    expect(result.text).toContain("netwerk-pleegzorg en deeltijd- pleegzorg de voorkeur");
    expect(result.text).not.toContain("De kracht van de regio Rijnmond");
  });

  it("declines a question about a region the plans never name, typed in lower case though the word list also has it as a word", async () => {
    // New-user try of the forty-eighth session: "haaglanden" passed for a Dutch word (a compound part in the list) and Rijnmond's lines answered.
    expect((await ask.answer("hoe doen ze het in haaglanden met hun wijkteams?")).status).toBe("abstained");
    expect((await ask.answer("wat is het doel in cijfers?")).status).toBe("answered");
  });

  it("answers 'wat zegt het actieplan over jz+?' with the plan's aim: the plan is about jz+ throughout", async () => {
    // New-user try of the forty-eighth session: a practice example from the progress report answered
    // it; without "landelijk" it was refused as off-topic.
    for (const asked of ["wat zegt het actieplan over jz+", "wat zegt het landelijk actieplan over jz+"]) {
      const result = await ask.answer(asked);
      expect(result.status, asked).toBe("answered");
      expect(result.sources[0]?.section, asked).toBe("1 Inleiding › 1.2 Ons doel");
      expect(result.gistAsked, asked).toBe("aim");
    }
    // A topic with a chapter of its own is answered from that chapter.
    const chapter = await ask.answer("wat zegt de regiovisie over de lokale infrastructuur?");
    expect(chapter.gistAsked).toBeUndefined();
    expect(chapter.sources[0]?.section).toMatch(/^2 EEN STERKE LOKALE INFRASTRUCTUUR/);
  });

  it("declines a question for a free place today, which no plan holds", async () => {
    // New-user try of the forty-eighth session: the 2027 phase-out bullets answered it.
    const result = await ask.answer("welke jz+ instelling in groningen heeft nu plek?");
    expect(result.status).toBe("abstained");
    expect(result.sources).toEqual([]);
  });

  it("answers from a list whose heading alone holds the question's word ('Knelpunten'), though its quotes share no word with the question", async () => {
    const result = await ask.answer("welke knelpunten zijn er in groningen en drenthe?");
    expect(result.status).toBe("answered");
    expect(result.sources[0]?.section).toMatch(/^Knelpunten/);
    // Quotes that share only the place still answer nothing.
    expect((await ask.answer("wat is het weer morgen in rotterdam?")).status).toBe("abstained");
  });

  it("declines a two-part question about figures the documents do not give, though a case story names an age", async () => {
    // "Ferdi (16 jaar oud)" is an age, not how long a placement lasts.
    const result = await ask.answer("Hoeveel kinderen zijn er in 2019 gesloten geplaatst en hoe lang duurt een plaatsing gemiddeld?");
    expect(result.status).toBe("abstained");
  });

  it("answers a how-many question from the line with the figure, though a milestone list fills the best lines", async () => {
    const result = await ask.answer("ik ben gedragswetenschapper, hoeveel jongeren mogen er max op een kleinschalige groep volgens het actieplan best passende zorg?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n").slice(0, 2).join("\n")).toContain("maximaal 6 jongeren");
  });

  it("quotes the steps of the current route under their title, so the list says what it is", async () => {
    const result = await ask.answer("Welke stappen horen bij de huidige route voor de aanvraag van een machtiging?");
    expect(result.status).toBe("answered");
    const lines = result.text.split("\n");
    expect(lines[0]).toBe("Huidige route aanvraag machtiging:");
    expect(lines.slice(1)).toContain("- Consultvraag stellen bij Servicepunt");
  });

  it("answers a long message, context about the asker and then the question, from the passage that answers it", async () => {
    const result = await ask.answer(
      "Ik ben beleidsadviseur jeugd bij een middelgrote gemeente en we zitten midden in de aanbesteding van specialistische jeugdhulp. De wethouder vroeg of het aanbesteden van JeugdzorgPlus risico's met zich meebrengt. Noemt het actieplan daar iets over?",
    );
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Dat brengt een aantal fundamentele risico's met zich mee:");
    expect(result.text).toContain("- Mogelijke verschraving");
    // A long message about something the documents do not cover is still refused.
    const absent = await ask.answer(
      "Ik werk als gedragswetenschapper bij een aanbieder en we twijfelen over de dosering van medicatie bij een meisje op de gesloten groep. Welke richtlijn geldt daarvoor volgens de plannen?",
    );
    expect(absent.status).toBe("abstained");
  });

  it("answers 'wie is Arne Popma?' with the sentence that gives his role, not one that only names him", async () => {
    const result = await ask.answer("wie is Arne Popma?");
    expect(result.text.split("\n")[0]).toMatch(/^“Als hoogleraar Kinder- en Jeugdpsychiatrie onderzoekt Arne Popma/);
  });

  it("finds the documents' word for an everyday one through the paraphrase table ('werkbelasting' → 'werkdruk')", async () => {
    const result = await ask.answer("is er iets bekend over de werkbelasting van professionals in de jeugdhulp?");
    expect(result.status).toBe("answered");
    expect(result.text.split("\n")[0]).toContain("werkdruk");
  });

  it("reads 'een stem in' as having a say: the age from which young people choose their help is found", async () => {
    const result = await ask.answer("vanaf welke leeftijd hebben jongeren in rijnmond een stem over hun eigen hulp?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("vanaf 12 jaar");
  });

  it("follows the lead with the runner-up from its own passage before a line that only adds a word of the question", async () => {
    const result = await ask.answer("geldt praktijkkennis in het actieplan ook als evidence based, of telt alleen wetenschap?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Practice based is net zo belangrijk");
  });

  it("ships only paraphrases whose document words occur in the shipped corpus", async () => {
    const { readFile, readdir } = await import("node:fs/promises");
    const { parse } = await import("yaml");
    const table = parse(await readFile(path.join(contentDir, "synonyms.yaml"), "utf8")) as { paraphrases: Record<string, string[]> };
    const files = (await readdir(corpus)).filter((file) => file.endsWith(".md"));
    const text = (await Promise.all(files.map((file) => readFile(path.join(corpus, file), "utf8")))).join("\n").toLowerCase().replace(/[*_]/g, "").replace(/\s+/g, " ");
    const missing = Object.entries(table.paraphrases).flatMap(([key, values]) => values.filter((value) => !text.includes(String(value).toLowerCase())).map((value) => `${key} → ${value}`));
    expect(missing).toEqual([]);
  });

  it("answers 'wat is een INT?' with the line that says what the team does, not the heading-like line that only names it", async () => {
    const answer = await ask.answer("wat is een INT?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toContain("Versnelde toegang");
  });

  it("answers a question followed by a short remark ('… ? nooit van gehoord') when the remark's words would make it refused", async () => {
    const answer = await ask.answer("wat is een INT? nooit van gehoord");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("Integraal");
    // Also a longer remark (new-user try of the forty-fourth session), ...
    const longer = await ask.answer("wat is een INT? heb er eerlijk gezegd nog nooit van gehoord hier");
    expect(longer.text).toContain("Integraal");
    // ... one with a thing the documents never name ("lijstje"), ...
    const list = await ask.answer("welke bouwstenen heeft de regiovisie rijnmond? graag gewoon het lijstje");
    expect(list.status).toBe("answered");
    expect(list.text).toContain("19 bouwstenen");
    // ... and one that seems to ask for a phone number ("bellen"): the question alone is checked.
    const call = await ask.answer("wat doet het servicepunt jeugdzorgplus? mijn teamleider zei dat ik daar moet bellen vandaag");
    expect(call.status).toBe("answered");
    expect(call.text).toContain("Servicepunt");
  });

  it("answers a message that asks two things when its best passage holds about half of its words", async () => {
    const result = await ask.answer("tot welke leeftijd blijft een pleegkind nu standaard in het pleeggezin? en hoeveel geld krijgen gemeenten ervoor?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Pleegzorg standaard verlengen naar 21 jaar");
  });

  it("says so when a message's first question asks for a figure the quotes do not give, while its second is answered", async () => {
    // New-user try: "Half 2027 …" answered both, with nothing to say that how many is not in it.
    const result = await ask.answer("hoeveel jz+ plekken worden er afgebouwd en wanneer moet dat klaar zijn");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Half 2027");
    expect(result.unanswered).toBe("hoeveel jz+ plekken worden er afgebouwd");
  });

  it("answers the part of a two-part question the documents answer, and names the part it leaves open", async () => {
    // The later part shares no word with the documents.
    const question = "Wat doet het Expertteam? En welke kleur heeft de kerstboom?";
    const whole = await ask.answer(question);
    expect(whole.status).toBe("answered");
    expect(whole.text.toLowerCase()).toContain("expertteam");
    expect(whole.unanswered).toBe("welke kleur heeft de kerstboom");
    // A later part that shares a word with the documents ("betaalt": financiering) is still named as open.
    const paying = await ask.answer("Wat doet het Expertteam? En wie betaalt de lunch bij de kerstborrel?");
    expect(paying.text.toLowerCase()).toContain("expertteam");
    expect(paying.unanswered).toBe("wie betaalt de lunch bij de kerstborrel");
    // Also when the only word the documents never use is the open one ("lunch").
    const lunch = await ask.answer("wat doet het expertteam? en wie betaalt de lunch?");
    expect(lunch.unanswered).toBe("wie betaalt de lunch");
    // A later part with only one word, one the documents never use, is named as open too.
    const single = await ask.answer("wat doet het expertteam? en hoe zit het met de kerstpakketten?");
    expect(single.text.toLowerCase()).toContain("expertteam");
    expect(single.unanswered).toBe("hoe zit het met de kerstpakketten");
    // "wat zegt het actieplan daarover?" asks for the first answer's source: not a question of its own.
    const source = await ask.answer("klopt het dat medewerkers in de gesloten jeugdhulp minder verdienen dan in de ambulante hulp? wat zegt het actieplan daarover?");
    expect(source.status).toBe("answered");
    expect(source.unanswered).toBeUndefined();
    // The first part alone is answered the same way, without a word on an open part.
    const first = await ask.answer("Wat doet het Expertteam?");
    expect(first.text).toBe(whole.text);
    expect(first.unanswered).toBeUndefined();
    // A later part that asks about an off-topic first part ("die") is off-topic with it.
    expect((await ask.answer("hoe laat begint de kerstborrel en wie organiseert die?")).status).toBe("abstained");
    // So is one that points back with "ze" (new-user try: "hoe bereik ik ze?" got a slide's word
    // cloud, "Route servicepunt is slecht bereikbaar", as the answer).
    expect((await ask.answer("wat zijn de openingstijden van het servicepunt en hoe bereik ik ze?")).status).toBe("abstained");
  });

  it("reads an abbreviation a document defines as the words it stands for, in the lines of that document", async () => {
    // "De gemeenten Maasluis, Vlaardingen en Schiedam (MVS) …": later lines say "MVS" only.
    const result = await ask.answer("hoe kopen Maassluis, Vlaardingen en Schiedam vanaf 2023 hun jeugdhulp in?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("per 1 januari 2023 de MVS-gemeenten alle specialistische jeugdhulp zelf inkopen");
    expect(result.text).not.toMatch(/^“De gemeenten Maasluis/);
  });

  it("answers the later part on the first part's subject when the first asks for a kind of answer the documents lack", async () => {
    // No passage says how long the waits are; the waits themselves, and what is done about them, are there.
    const result = await ask.answer("hoe lang zijn de wachttijden in rijnmond voor jeugdhulp en wat doet de regio eraan?");
    expect(result.status).toBe("answered");
    expect(result.text.toLowerCase()).toContain("wachttijd");
    expect(result.unanswered).toBe("hoe lang zijn de wachttijden in rijnmond voor jeugdhulp");
    // The first part alone is still refused.
    expect((await ask.answer("hoe lang zijn de wachttijden in rijnmond voor jeugdhulp?")).status).toBe("abstained");
    // A later question whose own words the quotes do not hold is no answer: the message is refused.
    expect((await ask.answer("hoeveel plekken heeft de jeugdzorgplus in rijnmond en wie beheert ze?")).status).toBe("abstained");
  });

  it("answers a later question that asks for a figure from its own passages when the first part's passages leave it open", async () => {
    const result = await ask.answer("hoeveel regio's hebben de leergang contracteren nu afgerond? en in hoeveel conflicten heeft het ozj bemiddeld");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("26 regio's");
    expect(result.text).toContain("35 conflicten");
    expect(result.unanswered).toBeUndefined();
  });

  it("does not report a later question open for a past tense of 'gaan' the documents never use ('waar gingen de meeste over?')", async () => {
    const result = await ask.answer("hoeveel vragen kreeg het programma over complexe casuistiek tot 1 juli 2020 en waar gingen de meeste over?");
    expect(result.text).toContain("138 vragen");
    expect(result.text).toContain("autisme of trauma");
    expect(result.unanswered).toBeUndefined();
  });

  it("reads a later question's place names in an abbreviation its quote's document spells out (MVS), not as left open", async () => {
    // New-user try of the forty-second session: the MVS line answered it, and a notice said it did not.
    const result = await ask.answer("wordt jz+ in rijnmond regionaal of lokaal ingekocht, en hoe zit dat met schiedam/vlaardingen/maassluis?");
    expect(result.text).toContain("MVS-gemeenten");
    expect(result.unanswered).toBeUndefined();
  });

  it("names a later question of pronouns open by the kind it asks for: 'wie' when no quoted line on the subject names anyone else", async () => {
    // No passage says who attends a spoedberaad; the line that mentions one names no one.
    const who = await ask.answer("Wanneer is er een spoedberaad en wie zit daarbij?");
    expect(who.status).toBe("answered");
    expect(who.text).toContain("spoedberaad");
    expect(who.unanswered).toBe("wie zit daarbij");
    // A quoted line on the subject that names someone answers it ("trainen verwijzers … in het opstellen van de gedeelde Verklarende Analyse").
    const makers = await ask.answer("Wat is een gedeelde verklarende analyse en wie maakt die?");
    expect(makers.text).toContain("verwijzers");
    expect(makers.unanswered).toBeUndefined();
    // A later part that asks for a figure the quotes lack is open too.
    const cost = await ask.answer("Wat doet het OZJ en hoeveel kost dat?");
    expect(cost.status).toBe("answered");
    expect(cost.unanswered).toBe("hoeveel kost dat");
  });

  it("answers a later yes/no question about a named place from its own passage when the first part's passages leave it open", async () => {
    const result = await ask.answer("Hoe snel moeten de gesloten plekken worden afgebouwd? En doet Friesland ook mee?");
    expect(result.status).toBe("answered");
    const [first, later] = result.text.split("\n").filter((line) => /\[\d+\]$/.test(line)).slice(-2);
    expect(result.text).toContain("Half 2027");
    expect(later).toContain("Friesland");
    expect(first).not.toContain("Friesland");
    expect(result.unanswered).toBeUndefined();
    // Every marker in the text is one of the sources, and no further source repeats a cited one.
    const markers = [...result.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers.every((n) => result.sources.some((s) => s.n === n))).toBe(true);
    expect(result.moreSources.some((more) => result.sources.some((s) => s.n === more.n))).toBe(false);
    // A later part that points back at the first ("daar") is not looked up on its own: without the
    // first part its words find other passages. It is named as open instead.
    const leaning = await ask.answer("Hoe snel moeten de gesloten plekken worden afgebouwd? En doet Friesland daar ook aan mee?");
    expect(leaning.text).not.toContain("Friesland");
    expect(leaning.unanswered).toBe("doet Friesland daar ook aan mee");
    // One that names two things of its own, "ze" being the makers, is looked up on its own (new-user
    // try of the forty-first session: "Stel die gerust apart" while the slides say what 2027 brings).
    const makers = await ask.answer("wat zijn de knelpunten bij plaatsing nu en wat willen ze in 2027 bereikt hebben?");
    expect(makers.unanswered).toBeUndefined();
    expect(makers.text).toContain("circa 70%");
    expect(makers.text).toContain("2027");
  });

  it("shows a long list item once in a two-part answer, cut to the sentences that answer either question", async () => {
    const result = await ask.answer("Hoe houdt de IGJ toezicht op het actieplan, en wat gebeurt er met organisaties die achterblijven?");
    expect(result.status).toBe("answered");
    // One item, shown once: no sentence of it twice, not two cuts of it one under the other.
    expect(result.text.split("\n").filter((line) => line.includes("IGJ"))).toHaveLength(1);
    expect(result.text.match(/De IGJ sluit aan bij dit plan/g)).toHaveLength(1);
    expect(result.text).toContain("worden door de IGJ aangesproken");
  });

  it("reads names in the asker's introduction as who asks, not what is asked, unless the question points at the asker's own place", async () => {
    const gi = await ask.answer("Ik werk bij de GI in Drenthe. Wanneer zijn de jz+ plekken afgebouwd?");
    expect(gi.status).toBe("answered");
    expect(gi.text).toContain("Half 2027");
    const town = await ask.answer("Als huisarts in Assen, wil ik weten wanneer de jz+ plekken zijn afgebouwd");
    expect(town.status).toBe("answered");
    const adviser = await ask.answer("Als beleidsadviseur van gemeente Emmen wil ik weten wanneer de jz+ plekken zijn afgebouwd");
    expect(adviser.status).toBe("answered");
    // An introduction may end in a colon or a comma ("ik zit in het MT van …:").
    const board = await ask.answer("ik zit in het MT van een jz+ aanbieder in Drenthe: wanneer zijn de jz+ plekken afgebouwd?");
    expect(board.status).toBe("answered");
    const comma = await ask.answer("ik werk bij de GI in Drenthe, wanneer zijn de jz+ plekken afgebouwd?");
    expect(comma.status).toBe("answered");
    // "hier": the asker's own region is what is asked about, and no document covers it.
    const here = await ask.answer("Ik werk in Haaglanden. Hoe werkt de plaatsing in de jz+ hier?");
    expect(here.status).toBe("abstained");
    // "bij ons" is the asker's place, not the organisation they work for: no quote needs to name the GI.
    const ours = await ask.answer("ik zit bij de GI in drenthe. hoe gaat plaatsing in jz+ tegenwoordig bij ons, wat is er nieuw aan de werkwijze?");
    expect(ours.status).toBe("answered");
    expect(ours.text).toContain("nieuwe werkwijze");
  });

  it("reads an introduction after 'even voorstellen:' as who asks, and a word it shares with the question in another form as asked ('verwijzingen' / 'verwijzen')", async () => {
    // New-user try of the thirty-ninth session: refused because no quote named "Sanne", while §2.7 answers it.
    const question = "even voorstellen: ik ben Sanne, jeugdconsulent bij wijkteam schiedam-oost, en we krijgen veel verwijzingen van huisartsen. hoe wil de regio huisartsen ondersteunen bij verwijzen?";
    const answer = await ask.answer(question);
    expect(answer.status).toBe("answered");
    expect(answer.sources[0]?.section).toContain("2.7 Ondersteunen huisarts");
    const stem = [...knowledge.queryGroups("verwijzen")[0]!.terms.keys()][0]!;
    const refer = knowledge.queryGroups(question).find((group) => group.terms.has(stem));
    expect(refer?.introduction).toBeUndefined();
    expect(refer?.terms.get(stem)).toBe(1);
  });

  it("answers 'wat staat er in X over Y?' from the section whose heading names Y, from its top", async () => {
    // New-user try of the thirty-eighth session: a line from §6.2 that mentions separatie.
    const separeren = await ask.answer("wat staat er in het actieplan over separeren?");
    expect(separeren.sources[0]?.section).toContain("5.1.2 Stoppen met gedwongen afzonderen");
    // A quote from the actieplan stands for "actieplan" (its kind): no further line only because it
    // writes the word (first try of the fortieth session: the professional associations' line).
    // Asked of a document that never names the subject, lines that only name that document do not answer.
    const notNamed = await ask.answer("wat zegt het actieplan over pleegzorg?");
    expect(notNamed.text).not.toContain("actieplan");
    // The notice says what the actieplan leaves out, above what the other documents say.
    expect(notNamed.notNamedIn).toEqual({ word: "pleegzorg", title: "De best passende zorg voor kwetsbare jongeren", elsewhere: true });
    const says = await ask.answer("wat zegt het actieplan over separeren?");
    expect(says.sources.map((s) => s.section)).toEqual([expect.stringContaining("5.1.2 Stoppen met gedwongen afzonderen")]);
    const pleegzorg = await ask.answer("wat zegt de regiovisie over pleegzorg?");
    expect(pleegzorg.text).toMatch(/^“Van alle vormen van verblijf \(pleegzorg, residentieel en langdurig verblijf\) is pleegzorg de beste optie\./);
  });

  it("reads the asker's own organisation named again in the question as who asks ('Ik werk bij een GI … Wat moet de GI doen …?')", async () => {
    // New-user try: refused, although the route's steps answer it. A name not in the introduction must still be quoted.
    const gi = await ask.answer("ik werk bij een GI in groningen. wat moet de GI allemaal doen voordat we een machtiging jz+ aanvragen?");
    expect(gi.status).toBe("answered");
    expect(gi.text).toMatch(/^Huidige route aanvraag machtiging:/);
    expect((await ask.answer("wat doet de GI van Accare bij een OTS?")).status).toBe("abstained");
  });

  it("answers from the document a question asks about ('wat zegt de voortgangsrapportage over …')", async () => {
    const report = await ask.answer("wat zegt de voortgangsrapportage over jz+ en minder dwang, separeren enzo");
    expect(report.sources[0]?.documentId).toBe("voortgangsrapportage-5-zorg-voor-de-jeugd-2020.md");
    const plan = await ask.answer("wat staat er in het actieplan over gesloten plaatsingen, moeten die omlaag?");
    expect(plan.sources[0]?.documentId).toBe("actieplan-best-passende-zorg-kwetsbare-jongeren-2019.md");
  });

  it("refuses a question about a place typed in lower case that no document names, not one where the asker only works there", async () => {
    const limburg = await ask.answer("hoe doen ze dat in limburg met de plaatsingen? hebben die ook zo'n servicepunt");
    expect(limburg.status).toBe("abstained");
    const almere = await ask.answer("Ik werk in almere. Wanneer zijn de jz+ plekken afgebouwd?");
    expect(almere.status).toBe("answered");
    expect(almere.text).toContain("Half 2027");
  });

  it("leads with the milestone's date when a later part asks when a target had to be met", async () => {
    // New-user try of the forty-second session: an education goal and general lines came.
    const result = await ask.answer("wat is het doel voor overplaatsingen in jz+ en wanneer moest dat gehaald zijn?");
    expect(result.text).toMatch(/^“Q4 2020: het aantal overplaatsingen in de JeugdzorgPlus is sterk gereduceerd/);
  });

  it("refuses a question about a person the documents do not name, not one with a name in the story before it", async () => {
    // New-user try of the forty-second session: answered with the expertiseteam's lines.
    const colleague = await ask.answer("zit mijn collega Marieke de Vries in het expertiseteam van rijnmond?");
    expect(colleague.status).toBe("abstained");
    expect(colleague.privacyWarning).toBeDefined();
    // A name the documents use is no personal data: asked about, it is answered.
    expect((await ask.answer("wie is Arne Popma?")).status).toBe("answered");
  });

  it("reads a place the documents name, typed in lower case, as the name it is: its quotes must be from there", async () => {
    const school = await ask.answer("bij welke school in schiedam kan een jongere terecht na de jz+?");
    expect(school.status).toBe("abstained");
    const access = await ask.answer("hoe werkt de toegang tot jeugdhulp in schiedam?");
    expect(access.status).toBe("answered");
    expect(access.text).toContain("MVS-gemeenten");
  });

  it("asks a question again for a place after it ('…? en in rijnmond?') only of documents that mention that place", async () => {
    const rijnmond = await ask.answer("wanneer moeten de jz+ plekken afgebouwd zijn en met hoeveel? en in rijnmond?");
    expect(rijnmond.status).toBe("abstained");
    const drenthe = await ask.answer("wanneer zijn de jz+ plekken afgebouwd? en in drenthe?");
    expect(drenthe.status).toBe("answered");
    expect(drenthe.text).toContain("Half 2027");
  });

  it("refuses 'how many' when the documents only say by how much it changed, and answers 'met hoeveel' with it", async () => {
    expect((await ask.answer("hoeveel gedwongen afzonderingen waren er bij de nulmeting?")).status).toBe("abstained");
    const change = await ask.answer("met hoeveel moesten de gedwongen afzonderingen omlaag in 2021?");
    expect(change.text).toContain("teruggebracht met 80%");
  });

  it("leads with the casusregie item that names the GI in the same sentence", async () => {
    const result = await ask.answer("wie heeft de casusregie als er een GI bij zit?");
    expect(result.text.split("\n")[1]).toContain("ondertoezichtstelling");
  });

  it("marks an answer from another document than the one the question asks about", async () => {
    const result = await ask.answer("bij een OTS, wat doet de GI dan volgens de nieuwe werkwijze gron/dr?");
    expect(result.status).toBe("answered");
    expect(result.sources.some((s) => s.documentId.startsWith("nieuwe-werkwijze"))).toBe(false);
    // Marked with what the named document leaves out (OTS), above what the others say.
    expect(result.notNamedIn).toEqual({ word: "ots", title: "Nieuwe werkwijze plaatsing in de JeugdzorgPlus", elsewhere: true });
    expect(result.namedElsewhere).toBeUndefined();
    // Answered from the document it names: no mark.
    const own = await ask.answer("wat zegt de voortgangsrapportage over jz+ en minder dwang, separeren enzo");
    expect(own.namedElsewhere).toBeUndefined();
  });

  it("answers what a named document says from that document when its own lines hold enough of the question", async () => {
    // New-user try: a progress report's headline answered, with a notice, while the action plan writes about "gesloten jeugdhulp".
    const named = await ask.answer("wat zegt het actieplan over minder gesloten plaatsingen?");
    expect(named.status).toBe("answered");
    expect(named.namedElsewhere).toBeUndefined();
    expect(named.sources.every((s) => s.documentId === "actieplan-best-passende-zorg-kwetsbare-jongeren-2019.md")).toBe(true);
    expect(named.text).toMatch(/gesloten/);
    // "in het actieplan", by the document's kind, asks the same (new-user try: the progress report answered).
    const inPlan = await ask.answer("wat is het doel rond gedwongen afzonderen in het actieplan en wat zijn de mijlpalen");
    expect(inPlan.sources[0]?.documentId).toBe("actieplan-best-passende-zorg-kwetsbare-jongeren-2019.md");
    expect(inPlan.text).toContain("nulmeting");
    // "in de nieuwe werkwijze", by two words of its title, too; its own passages ranked by what they
    // hold besides its name (all of them hold that): the slide on what municipalities do.
    const byTitle = await ask.answer("wat doet de gemeente in de nieuwe werkwijze?");
    expect(byTitle.sources[0]?.documentId).toBe("nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md");
    expect(byTitle.text).toMatch(/^- Faciliteren van maatwerkoplossingen\/ financiering \(door gemeenten\)/);
    // "voor de nieuwe werkwijze" as well (new-user try of the forty-first session: the action plan's line on "nieuwe werkwijzen").
    const organise = await ask.answer("wat moet er nog georganiseerd worden voor de nieuwe werkwijze?");
    expect(organise.sources[0]?.section).toBe("Wat moeten we organiseren?");
    // "van het actieplan" by its kind too (same try: the progress report's milestone rows on another "Actieplan").
    const responsible = await ask.answer("wie is verantwoordelijk voor de uitvoering van het actieplan?");
    expect(responsible.sources.every((s) => s.documentId === "actieplan-best-passende-zorg-kwetsbare-jongeren-2019.md")).toBe(true);
  });

  it("does not call a question off-topic for a past form of a stop word ('zaten', as 'zitten')", async () => {
    // New-user try: "Daar gaan de plandocumenten niet over" in 6 ms for a question about closed youth care.
    const past = await ask.answer("hoeveel jongeren zaten er in de gesloten jeugdhulp?");
    expect(past.offTopic).toBeUndefined();
  });

  it("marks an answer to a question for a figure now with the years of the documents it quotes", async () => {
    const now = await ask.answer("hoe lang zijn de wachttijden nu voor de jeugdzorgplus?");
    expect(now.status).toBe("answered");
    expect(now.figureNow?.years).toMatch(/^\d{4}( en \d{4})?$/);
    expect((await ask.answer("hoe lang zijn de wachttijden voor de jeugdzorgplus?")).figureNow).toBeUndefined();
    // A follow-up read with that question asks for no figure now unless its own words do (new-user try of the thirty-ninth session).
    const previous = "Hoeveel jongeren komen nu via een spoedmachtiging in de jeugdzorgplus?";
    const why = await ask.answer(withPrevious(previous, "Waarom is dat een probleem?"), { followUp: "Waarom is dat een probleem?" });
    expect(why.status).toBe("answered");
    expect(why.figureNow).toBeUndefined();
    expect((await ask.answer(withPrevious(previous, "en hoeveel zijn dat er nu?"), { followUp: "en hoeveel zijn dat er nu?" })).figureNow).toBeDefined();
  });

  it("marks the answer to 'wat is X?' when its quotes mention X without saying what it is", async () => {
    const servicepunt = await ask.answer("wat is t servicepunt jz+ eigenlijk");
    expect(servicepunt.status).toBe("answered");
    expect(servicepunt.undefinedTerm).toBe("servicepunt jz+");
    // Written out in brackets, the abbreviation is explained.
    const jim = await ask.answer("wat is JIM?");
    expect(jim.text).toContain("Jouw Informele Mentor");
    expect(jim.undefinedTerm).toBeUndefined();
  });

  it("reads 'de documenten' in a question as the plans, not as what it asks about", async () => {
    // Team try: a milestone row on a "Visie-document" answered "Wat zeggen de documenten over HSJ?".
    const hsj = await ask.answer("Wat zeggen de documenten over HSJ?");
    expect(hsj.text).toContain("HSJ");
    expect(hsj.text).not.toContain("Visie-document");
  });

  it("adds the one line elsewhere that names the term, when the quotes leave it out", async () => {
    // New-user try: only the route slide ("Matched care i.p.v. stepped care") was quoted.
    const matched = await ask.answer("wat is matched care?");
    // The added line says what it is by contrast, so no notice says the plans do not (new-user try of the forty-third session).
    expect(matched.undefinedTerm).toBeUndefined();
    expect(matched.text).toContain("Matched care i.p.v. stepped care");
    expect(matched.text).toMatch(/“Er is geen sprake van volgordelijkheid, maar van matched care\.” \[2\]$/);
    expect(matched.sources.map((s) => [s.n, s.documentId])).toEqual([
      [1, "nieuwe-werkwijze-plaatsing-jeugdzorgplus-groningen-drenthe.md"],
      [2, "actieplan-best-passende-zorg-kwetsbare-jongeren-2019.md"],
    ]);
    // "Meer bronnen" counts on after them, without the added one.
    expect(matched.moreSources.map((s) => s.n)).toEqual(matched.moreSources.map((_, i) => i + 3));
    expect(matched.moreSources.some((s) => s.section === matched.sources[1]!.section)).toBe(false);
  });

  it("reads an abbreviation as explained by the words it stands for, also among the lines that mention it", async () => {
    // "Het Ondersteuningsteam Zorg voor de Jeugd heeft een ondersteunende en verbindende functie …"
    const ozj = await ask.answer("Wat doet het OZJ?");
    expect(ozj.text).toContain("ondersteunende en verbindende functie");
    expect(ozj.undefinedTerm).toBeUndefined();
    // The first answer does not say what the NJi is; a line among those that name it does.
    const nji = await ask.answer("wat is het NJi?");
    expect(nji.text).toContain("Het Nederlands Jeugdinstituut (NJI) heeft daarin een belangrijke taak");
    expect(nji.undefinedTerm).toBeUndefined();
    // Lines that only use the abbreviation's words are still marked.
    expect((await ask.answer("wat is de GVA?")).undefinedTerm).toBe("GVA");
    // A section named after the term, with a subtitle after a dash ("4.2.3 Top 100 aanpak – investeer in leefklimaat"), is about what it is.
    const top = await ask.answer("wat is de top 100 aanpak?");
    expect(top.sources[0]!.section).toContain("Top 100 aanpak – investeer in leefklimaat");
    expect(top.undefinedTerm).toBeUndefined();
  });

  it("marks an answer about a region whose quotes all come from plans that never name it", async () => {
    // The Rijnmond plan does not speak of closed care; the national plan does (new-user try: unmarked).
    const view = await ask.answer("wat vindt rijnmond van gesloten plaatsingen?");
    expect(view.status).toBe("answered");
    expect(view.sources.every((source) => source.documentId !== "regiovisie-jeugdhulp-rijnmond-2020.md")).toBe(true);
    expect(view.placeNotQuoted).toBe("Rijnmond");
    // Quotes from the region's own plan are not marked.
    const own = await ask.answer("hoe werkt de casusregie in rijnmond?");
    expect(own.sources.some((source) => source.documentId === "regiovisie-jeugdhulp-rijnmond-2020.md")).toBe(true);
    expect(own.placeNotQuoted).toBeUndefined();
  });

  it("marks the answer to 'wat is het verschil tussen X en Y?' when its quotes name both without telling them apart", async () => {
    const difference = await ask.answer("wat is het verschil tussen een spoedmachtiging en een reguliere machtiging?");
    expect(difference.status).toBe("answered");
    expect(difference.unstatedDifference).toEqual({ first: "spoedmachtiging", second: "reguliere machtiging" });
    // A question for one of them alone is not marked.
    expect((await ask.answer("hoeveel jongeren komen met een spoedmachtiging in de jz+?")).unstatedDifference).toBeUndefined();
  });

  it("finds the later question's date further down the ranking, and adds no other quote for it", async () => {
    const result = await ask.answer("wanneer is het actieprogramma zorg vd jeugd gelanceerd en tot wanneer loopt het?");
    expect(result.status).toBe("answered");
    const quotes = result.text.split("\n");
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain("16 april 2018 gelanceerd");
    expect(quotes[1]).toContain("loopt tot eind 2021");
    const markers = [...result.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(markers).toEqual(result.sources.map((s) => s.n));
  });

  it("answers a how-many question whose words after 'hoeveel' are all stop words with any figure, not with a refusal", async () => {
    // "met hoeveel moesten ...": nothing in particular is counted, so no counted word is required.
    const answer = await ask.answer("Met hoeveel moesten de gedwongen afzonderingen in 2021 omlaag?");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("80%");
  });

  it("names no open part when the quotes hold the second question too", async () => {
    const answer = await ask.answer("Wie zitten er in de regiegroep van het actieplan, en hoe vaak brengen ze de voortgang in beeld?");
    expect(answer.status).toBe("answered");
    expect(answer.unanswered).toBeUndefined();
  });

  it("treats short unknown chat tokens as noise, not as what the question is about", async () => {
    const plain = await ask.answer("Wat is de verklarende analyse?");
    const chatty = await ask.answer("Wat is eig de verklarende analyse ivm Groningen?");
    expect(plain.status).toBe("answered");
    expect(chatty.status).toBe("answered");
  });

  it("leaves chat shorthand out of the question's words, so it lowers no passage's coverage; an acronym in capitals stays", async () => {
    const plain = await knowledge.retrieve("wat doet het NJi in het actieplan?", 5);
    const chatty = await knowledge.retrieve("wat doet het NJi eig vlgs het actieplan?", 5);
    expect(chatty.map((p) => [p.chunk.id, p.coverage])).toEqual(plain.map((p) => [p.chunk.id, p.coverage]));
    expect(knowledge.questionScorer("wat doet het NJi eig vlgs de AVG?").words).toEqual(expect.arrayContaining(["nji", "avg"]));
    expect(knowledge.questionScorer("wat doet het NJi eig vlgs de AVG?").words).not.toContain("vlgs");
  });

  it("abstains when the question is about an acronym in capitals the documents never use ('volgens de AVG'), not when they use it", async () => {
    const unknown = await ask.answer("Mag ik als wijkteammedewerker zonder toestemming van ouders gegevens delen met school volgens de AVG?");
    expect(unknown.status).toBe("abstained");
    for (const question of ["wie heeft de casusregie bij een OTS in Rijnmond?", "wat doet de HSJ bij een spoedberaad?"]) {
      expect((await ask.answer(question)).status).toBe("answered");
    }
  });

  it("answers about an abbreviation the documents never use when a cited document spells it out ('GR': Gemeenschappelijke Regeling), not about one they do use but the quotes lack ('IGJ')", async () => {
    const spelledOut = await ask.answer("ik werk in schiedam, klopt het dat wij vanaf 2023 alle specialistische jeugdhulp zelf gaan inkopen ipv via de GR?");
    expect(spelledOut.status).toBe("answered");
    expect(spelledOut.sources.map((s) => s.documentId)).toContain("regiovisie-jeugdhulp-rijnmond-2020.md");
    const used = await ask.answer("Binnen welke termijn moet een JeugdzorgPlus-instelling een calamiteit melden bij de IGJ?");
    expect(used.status).toBe("abstained");
  });

  it("does not count one word of what an abbreviation stands for as naming it ('Integrale diagnostiek' is not the INT), but half its words in one line do (GRJR)", async () => {
    // New-user try: answered with a list on ambulant care that "kan worden ingezet". It was
    // refused; since the words of a name in full count together (TermMatcher phrases), the line
    // that names the INT is found instead: it is still to be set up.
    const int = await ask.answer("wanneer wordt het INT ingezet?");
    expect(int.text).not.toMatch(/Integrale diagnostiek|ambulant/i);
    expect(int.status).toBe("answered");
    expect(int.text).toContain("Integraal Netwerkersterkend Team (INT)");
    const grjr = await ask.answer("Wat zijn de Leidende Principes die het Algemeen Bestuur van de GRJR heeft vastgesteld?");
    expect(grjr.status).toBe("answered");
    expect(grjr.text).toContain("Leidende Principes");
    for (const question of ["hoe vaak moet je de risico inschatting bij een mogelijke UHP eigenlijk opnieuw doen?", "wat doet de HSJ bij een spoedberaad?"]) {
      expect((await ask.answer(question)).status).toBe("answered");
    }
  });

  it("quotes for a later question with no word of its own ('en op wat voor manier dan') only a line about what the first part asks", async () => {
    // New-user try: "… en op welke manier?" got a line on "een eenvoudige manier van overdracht" of a GI's clients.
    const answer = await ask.answer("ik werk in schiedam, klopt het dat wij vanaf 2023 alle zware jeugdhulp zelf gaan inkopen ipv via de GR? en op wat voor manier dan");
    expect(answer.text).toContain("taakgericht");
    expect(answer.text).not.toContain("manier van overdracht");
  });

  it("answers 'wat zijn de afspraken in het actieplan over X?' from the section titled with X", async () => {
    // New-user try of the forty-ninth session: the OZJ's task "Ondersteuning in de implementatie van 'ik laat je niet alleen'" led.
    const answer = await ask.answer("wat zijn de afspraken in het actieplan over stoppen met separeren?");
    expect(answer.sources[0]?.section).toContain("5.1.2");
    expect(answer.text).not.toContain("Ondersteuningsteam Zorg voor de Jeugd heeft een ondersteunende");
  });

  it("answers a later part that points back at the term the first part asks about ('wat is X en wanneer … daar …?')", async () => {
    // New-user try of the forty-ninth session: "Stel die gerust apart", while the route's steps answer it.
    const answer = await ask.answer("wat is het servicepunt en wanneer stel ik daar een consultvraag als GI?");
    expect(answer.text).toContain("Consultvraag stellen bij Servicepunt");
    expect(answer.unanswered).toBeUndefined();
  });

  it("reads the asker's role at the end of a question ('… als GI?') as who asks, not as what the quotes must name", async () => {
    // New-user try of the forty-ninth session: refused, for the route's steps name no GI.
    const answer = await ask.answer("wanneer stel ik een consultvraag bij het servicepunt als GI?");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("Consultvraag stellen bij Servicepunt");
    // A condition ("als de GI …" with a verb) is not a role: an unknown name in it must still be quoted.
    expect((await ask.answer("wat doet het servicepunt als Accare weigert?")).status).toBe("abstained");
  });

  it("leads 'hoe groot mogen de kleinschalige woonvormen worden?' with the item that gives the size", async () => {
    // New-user try of the forty-ninth session: "Maximaal 4 tot 6 personen" stood second of seven items.
    const answer = await ask.answer("hoe groot mogen de kleinschalige woonvormen die jz+ moeten vervangen worden?");
    expect(answer.text.split("\n").slice(0, 2).join("\n")).toContain("Maximaal 4 tot 6 personen");
  });

  it("adds no line from another document that shares one word of the question ('gebeurd', 'kind')", async () => {
    // New-user try of the forty-ninth session: a line from a case story followed the route's steps.
    const route = await ask.answer("wat moet er gebeurd zijn voordat er een machtiging aangevraagd wordt?");
    expect(route.text).toContain("Consultvraag stellen bij Servicepunt");
    expect(route.text).not.toContain("mijn ei kwijt");
    const doctor = await ask.answer("waar kan ik als huisarts in rijnmond terecht met zorgen over een kind?");
    expect(doctor.text).toContain("huisarts terecht kan");
    expect(doctor.text).not.toContain("zeer complexe problematiek");
  });

  it("answers a later question that points back at the first ('en wanneer moest dat gehaald zijn?') from the first part's document", async () => {
    // Eval sets k and l: a line on separeren from another document ("F Stoppen met separeren …")
    // followed the milestones that answer both parts.
    const answer = await ask.answer("met hoeveel procent moest het separeren omlaag? en wanneer moest dat gehaald zijn?");
    expect(answer.text).toContain("2021 Q1: gedwongen afzonderingen teruggebracht met 80%");
    expect(new Set(answer.sources.map((source) => source.documentId)).size).toBe(1);
  });

  it("finds a later 'wie' question's quote further down the ranking, in the document the first part's answer quotes", async () => {
    // New-user try: "en wie gaf daar de aanzet toe?" after "wie zitten er achter die nieuwe werkwijze …?"
    // was told no one was named, while the werkwijze's "Aanleiding" names wethouder Molema.
    const answer = await ask.answer("wie zitten er achter die nieuwe werkwijze plaatsing jz+ hier in groningen/drenthe? en wie gaf daar de aanzet toe?");
    expect(answer.text).toContain("wethouder Molema");
  });

  it("answers a later 'wie heeft het opgesteld?' from the named document's details, after the first part's own answer", async () => {
    // New-user try: the later part was left out without a word; the first got a progress report's milestone row.
    const answer = await ask.answer("wat is het doel van het actieplan best passende zorg en wie heeft het opgesteld?");
    expect(answer.text).toContain("twee doelen");
    const lines = answer.text.split("\n");
    expect(lines.at(-1)).toMatch(/^Volgens de gegevens bij de plandocumenten komt “De best passende zorg voor kwetsbare jongeren” .+ van: .+\. \[(\d)\]$/);
    const n = Number(/\[(\d)\]$/.exec(lines.at(-1)!)![1]);
    expect(answer.sources.find((s) => s.n === n)).toMatchObject({ section: "Documentgegevens", documentId: "actieplan-best-passende-zorg-kwetsbare-jongeren-2019.md" });
  });

  it("leads a message that asks a document's date first with its details, then answers the later part from its text", async () => {
    // New-user try: the date was left out without a word.
    const answer = await ask.answer("van wanneer is die regiovisie eigenlijk, en voor welke contracten geldt ie als kader?");
    const lines = answer.text.split("\n");
    expect(lines[0]).toMatch(/^Volgens de gegevens bij de plandocumenten is “Nabij en passend: regiovisie jeugdhulp regio Rijnmond” .+ van 30 november 2020\. \[1\]$/);
    expect(answer.sources[0]).toMatchObject({ n: 1, section: "Documentgegevens" });
    expect(lines[1]).toContain("de contracten die ingaan per 2023");
    // Who is behind it, when the text found for the message names none of the makers (new-user try
    // of the forty-first session: only the Friesland lines came).
    const makers = await ask.answer("wie zitten er achter die nieuwe werkwijze en geldt die ook voor friesland?");
    expect(makers.text.split("\n")[0]).toContain("van: Elker, Accare, Molendrift en gemeenten.");
    expect(makers.text).toContain("Friesland");
  });

  it("answers the first of two questions on its own when the message's answer quotes nothing of it ('… en doet friesland ook mee?')", async () => {
    // New-user try: only the Friesland line came, the goals for 2027 were dropped without a word.
    const answer = await ask.answer("wat zijn de doelen voor 2027 en doet friesland ook mee?");
    expect(answer.text).toContain("2027");
    expect(answer.text).toContain("Friesland");
    expect(answer.text.indexOf("2027")).toBeLessThan(answer.text.indexOf("Friesland"));
  });

  it("refuses a question about a thing the documents never name when other unknown words weigh with it", async () => {
    // Team try: answered with progress-report milestones on gedragswetenschappers.
    const refused = await ask.answer("Moet de gedragswetenschapper een instemmingsverklaring afgeven bij een machtiging gesloten jeugdhulp?");
    expect(refused.status).toBe("abstained");
    // One unknown word with the thing the documents do name still gets an answer.
    expect((await ask.answer("wat doet een gedragswetenschapper in de gesloten jeugdzorg?")).status).toBe("answered");
  });

  it("reads 'meestal' as asking for the largest share, as 'meeste' ('waar gingen die vragen meestal over?')", async () => {
    // New-user try: as a follow-up it got "ik vind alleen weer wat in mijn vorige antwoord staat".
    const answer = await ask.answer("bij hoeveel vragen over complexe casuistiek was het programma zorg vd jeugd in 2020 betrokken? en waar gingen die vragen meestal over?");
    expect(answer.text).toContain("138 vragen");
    expect(answer.text).toContain("autisme of trauma");
  });
});

describe("a document named by its region", () => {
  it("counts the region a question names as covered by the region's own document, so naming it does not make Wegwijs refuse", async () => {
    const result = await ask.answer("Ik ben wijkteammedewerker in Drenthe. Welke stappen moeten we doorlopen voordat we een machtiging gesloten jeugdhulp aanvragen?");
    expect(result.status).toBe("answered");
    expect(result.text).toContain("Consultvraag stellen bij Servicepunt");
    expect(result.sources[0]?.documentId).toBe(groningen);
  });

  it("ranks the passage of the document whose corpus.json region the question names first, though its text never names it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-region-"));
    try {
      const body = (place: string) =>
        `# Werkwijze ${place}\n\n## Aanmelden\n\nDe jeugdbeschermer meldt de jongere aan bij het regionale team. Het team bespreekt de aanmelding binnen vijf werkdagen.\n`;
      await writeFile(path.join(dir, "noord.md"), body("noord"));
      await writeFile(path.join(dir, "zuid.md"), body("zuid"));
      await writeFile(
        path.join(dir, "corpus.json"),
        JSON.stringify({ documents: [
          { file: "noord.md", title: "Werkwijze noord", region: "Twente" },
          { file: "zuid.md", title: "Werkwijze zuid", region: "Zeeland" },
        ] }),
      );
      const regional = new KnowledgeBase({ contentDir });
      await regional.ingest(dir);
      for (const [region, file] of [["Twente", "noord.md"], ["Zeeland", "zuid.md"]]) {
        const [top] = await regional.retrieve(`hoe meld ik een jongere aan bij het team in ${region}?`, 2);
        expect(top?.chunk.documentId).toBe(file);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it("reads a table row by row: words scattered over many rows do not cover a question that one passage answers", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-table-"));
    try {
      const rows = [
        "De gemeente heeft een nieuw loket geopend | 2019",
        "De rol van het wijkteam is beschreven | 2019",
        "De afbouw van de wachtlijst is gestart | 2020",
        "Gesloten groepen zijn verkleind | 2020",
        "Plekken voor pleegzorg zijn uitgebreid | 2021",
        "Het bestuur heeft de begroting vastgesteld | 2021",
      ];
      await writeFile(path.join(dir, "mijlpalen.md"), `# Voortgang\n\n## Mijlpalen\n\nMijlpaal\tWanneer\n${rows.map((r) => r.replace(" | ", "\t")).join("\n")}\n`);
      await writeFile(
        path.join(dir, "taken.md"),
        "# Taken in de regio\n\n## Opdrachtgeverschap\n\nDe gemeente stuurt als opdrachtgever op de afbouw van gesloten plekken. Zij maakt daarover afspraken met de aanbieders in de regio.\n",
      );
      const tables = new KnowledgeBase({ contentDir });
      await tables.ingest(dir);
      const [top] = await tables.retrieve("welke rol heeft de gemeente bij de afbouw van gesloten plekken?", 2);
      expect(top?.chunk.documentId).toBe("taken.md");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("shows no source whose passage holds only a slide title and its logos, in an answer or a refusal", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "wegwijs-logos-"));
    try {
      await writeFile(
        path.join(dir, "dia.md"),
        "# Werkwijze plaatsing Noord\n\nzorgaanbieder noord & onderwijs\n\nkliniek oost\n\nhuis west\n\n" +
          "## Aanmelden\n\nDe jeugdbeschermer meldt de jongere aan bij het Servicepunt van de regio. Het Servicepunt bespreekt de aanmelding binnen vijf werkdagen.\n\n" +
          "## Overleg\n\nHet Servicepunt overlegt met de ouders en de jeugdbeschermer over een passende plek in de regio.\n",
      );
      const slides = new KnowledgeBase({ contentDir });
      await slides.ingest(dir);
      const slideAsk = new AskService(slides, createLogger("silent"));
      const shown = (r: Awaited<ReturnType<typeof slideAsk.answer>>) => [...r.sources, ...r.moreSources].map((s) => s.quote).join("\n");
      const refused = await slideAsk.answer("wat is het telefoonnummer van het Servicepunt werkwijze plaatsing Noord?");
      expect(refused.status).toBe("abstained");
      expect(refused.sources.length).toBeGreaterThan(0);
      expect(shown(refused)).not.toMatch(/kliniek oost|huis west/);
      const answered = await slideAsk.answer("binnen hoeveel werkdagen bespreekt het Servicepunt de aanmelding?");
      expect(answered.status).toBe("answered");
      expect(shown(answered)).not.toMatch(/kliniek oost|huis west/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("an introduction of the asker before the question", () => {
  it("weighs the introduction's own words lightly, so the passage on what is asked comes first", async () => {
    const introduced = "hoi, ik ben beleidsmedewerker jeugd bij een gemeente in de regio rijnmond. wat zegt de regiovisie over pleegzorg?";
    const [first] = await knowledge.retrieve(introduced, 5);
    expect(first?.chunk.sectionPath.at(-1)).toMatch(/pleegzorg/i);
    const answer = await ask.answer(introduced);
    expect(answer.text.split("\n")[0]).toMatch(/pleegzorg/i);
    expect(answer.text).not.toContain("stuurgroep");
  });

  it("adds no further quote for a word only the introduction uses", async () => {
    const answer = await ask.answer("wij zijn een wijkteam in een kleine gemeente in groningen. hoe vragen we een machtiging aan?");
    expect(answer.text).toContain("Aanvraag machtiging");
    expect(answer.sources.map((s) => s.section)).toEqual([expect.stringMatching(/Huidige route aanvraag machtiging/)]);
  });
});

describe("a place the documents name", () => {
  it("is a region or a name the documents always capitalise, not an everyday word", () => {
    expect(ask.namesAPlace("friesland")).toBe(true);
    expect(ask.namesAPlace("Rijnmond")).toBe(true);
    expect(ask.namesAPlace("verder")).toBe(false);
    expect(ask.namesAPlace("friesland verder")).toBe(false);
  });
});

describe("a set asked for by its count", () => {
  it("is marked when the quotes only name it by its count, not when they list it", async () => {
    // New-user try of the thirty-eighth session: two sentences that name "de vijf basisfuncties" came back as if they answered.
    expect((await ask.answer("welke vijf basisfuncties van lokale teams zijn er precies?")).listNotGiven).toBe("vijf basisfuncties");
    expect((await ask.answer("Welke drie soorten veranderopgaven onderscheidt het actieplan?")).listNotGiven).toBeUndefined();
  });
});

describe("a present-tense verb the word list lacks", () => {
  it("is no typo of another verb: 'hoe vaak verschijnt …?' is answered with how often the report comes out", async () => {
    // New-user try of the thirty-eighth session: "verschijnt" read as "verschilt", and the question was refused.
    const answer = await ask.answer("hoe vaak verschijnt de voortgangsrapportage van zorg voor de jeugd?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toContain("halfjaarlijks");
  });
});

describe("a question for a plan's aim after the asker's introduction", () => {
  it("is read without the introduction and 'vraag:', so the plan's own section on its aim answers", async () => {
    // Second new-user try of the thirty-eighth session: the progress report's goals of another action line came back.
    const answer = await ask.answer("ik ben gedragswetenschapper bij een jz+ aanbieder. vraag: wat is het doel van het actieplan best passende zorg?");
    expect(answer.gistAsked).toBe("aim");
    expect(answer.sources[0]?.section).toMatch(/Ons doel/);
  });
});

describe("a question for the role of something", () => {
  it("takes the list item that names it as a whole answer: 'de rol van' is what the item says, not a word it must hold", async () => {
    // New-user try of the forty-fifth session: item 3 came with the eight other items of its list.
    const answer = await ask.answer("wat is de rol van het servicepunt bij een spoedberaad?");
    expect(answer.text.split("\n")[0]).toContain("koppelen aan Servicepunt");
    expect(answer.text).not.toContain(REST_OF_LIST);
  });

  it("shows the clause of a long sentence that names who is asked about, so the answer is not refused", async () => {
    // Same try: the sentence naming the huisartsen was cut to its start and the question refused.
    const answer = await ask.answer("welke rol heeft de huisarts in rijnmond?");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("huisartsen");
  });
});

describe("a topic put in front of a who-question", () => {
  it("is what the question asks about: a quote that only names it does not say who (dat INT, wie zitten daar in?)", async () => {
    // New-user try of the forty-fifth session: the INT's line passed for naming who is in it.
    expect((await ask.answer("dat INT, wie zitten daar in?")).noActor).toBe(true);
  });
});

describe("a how-many question that counts a thing by a paraphrase", () => {
  it("is answered by the figure next to the word the documents use ('hoeveel ruzies' by '35 conflicten')", async () => {
    // Question set k (forty-fifth session): refused, as no figure stood next to "ruzies" itself.
    const answer = await ask.answer("bij hoeveel ruzies tussen gemeenten en jeugdhulpaanbieders heeft het ozj inmiddels bemiddeld?");
    expect(answer.status).toBe("answered");
    expect(answer.text.split("\n")[0]).toContain("35 conflicten");
  });
});

describe("a set asked for by its count, answered", () => {
  it("leads with the list that gives the set, not a sentence that only names it by its count", async () => {
    // Question set k (forty-fifth session): "De vijf veranderopgaven komen … aan bod." led, the list came second.
    const answer = await ask.answer("welke vijf veranderopgaven staan er in de vijfde voortgangsrapportage zorg voor de jeugd?");
    expect(answer.text.split("\n")[0]).toContain("vijftal veranderopgaven:");
  });
});

describe("the later question's quote from the passage the answer leads with", () => {
  it("comes right after the lead, before a quote from elsewhere", async () => {
    // Question set k (forty-fifth session): a milestone row stood between the app and the regions that use it.
    const answer = await ask.answer("ik ben huisarts, is er een tool waarmee ik kan checken welke jeugdhulpaanbieder nu weinig wachttijd heeft? in welke regios gebruiken ze dat");
    const lines = answer.text.split("\n");
    expect(lines[0]).toContain("weet de huisarts");
    expect(lines[1]).toContain("Eemland");
  });
});

describe("the tasks something has", () => {
  it("are its functions too: 'welke taken' is covered by a line on 'de vier functies'", () => {
    expect(coversWord("welke taken pakken de meeste regionale expertteams op?", (word) => word === "taken", "De meerderheid van de expertteams vult de vier functies consultatie en advies, procesregie, signaleren en leren in.")).toBe(true);
  });
});

describe("a plural that doubles its 'l'", () => {
  it("finds its singular's paraphrases: 'separeercellen' as 'separeercel' (separatieruimte)", () => {
    expect(coversWord("komt er een verbod op separeercellen?", (word) => word === "separeercellen", "In wetsvoorstel wordt opgenomen dat specifieke separatieruimte niet is toegestaan.")).toBe(true);
  });
});

describe("separatie", () => {
  it("is gedwongen afzondering, as separeren is gedwongen afzonderen", () => {
    expect(coversWord("met hoeveel procent moest separatie omlaag?", (word) => word === "separatie", "2021 Q1: gedwongen afzonderingen teruggebracht met 80%.")).toBe(true);
  });
});

describe("a question for the steps to take", () => {
  it("is answered by the list under a heading that names the route, not by an item elsewhere with more of its words", async () => {
    // Second new-user try of the forty-fifth session: the knelpunten list (with "reguliere machtiging") came back.
    const answer = await ask.answer("welke stappen moet ik doorlopen voor een reguliere machtiging jz+?");
    expect(answer.text.split("\n")[0]).toContain("Huidige route aanvraag machtiging");
  });
});
