import { describe, expect, it } from "vitest";
import type { ConversationAddress } from "../../src/bot/incoming.js";
import type { ReplyPart } from "../../src/bot/reply.js";
import { AnswerLog } from "../../src/handlers/ask/answerLog.js";
import { AskHandler } from "../../src/handlers/ask/askHandler.js";
import type { AnswerResult } from "../../src/handlers/ask/askService.js";
import { FollowUpMemory, withoutAcknowledgement, withPrevious } from "../../src/handlers/ask/followUp.js";
import { MemoryKeyValueStore } from "../../src/stores/memoryKeyValueStore.js";

const address: ConversationAddress = { surface: "web", userId: "u1", conversationId: "c1" };
const source = { n: 1, documentId: "plan.md", documentTitle: "Plan", section: "1 Doelen", quote: "Minder spoedplaatsingen." };
const answered = (text: string): AnswerResult => ({ status: "answered", text, mode: "extractive", sources: [source], moreSources: [] });

/** An answerer that answers from a script by the exact question it is asked, and records what it was asked. */
function scripted(answers: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    answer: async (question: string) => {
      asked.push(question);
      const text = answers[question];
      return text ? answered(text) : { status: "abstained" as const, text: "De plandocumenten geven hier geen antwoord op. Ik ga niet gokken.", mode: "none" as const, sources: [], moreSources: [] };
    },
  };
}

/** A handler over a scripted answerer and an in-memory store, keeping questions for follow-ups `minutes` long. */
function handlerWith(answers: Record<string, string>, minutes = 10) {
  const answerer = scripted(answers);
  const store = new MemoryKeyValueStore();
  return { answerer, handler: new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, minutes * 60)) };
}

/** The reply to a follow-up, after its question got `answer`; the combined reading gets `again`. */
async function followUpReply(question: string, answer: string, followUp: string, again: string) {
  const { handler } = handlerWith({ [question]: answer, [withPrevious(question, followUp)]: again });
  await handler.question(address, question);
  return handler.question(address, followUp);
}

const texts = (parts: ReplyPart[]) => parts.flatMap((p) => (p.kind === "text" || p.kind === "notice" ? [p.text] : []));

describe("AskHandler with follow-ups", () => {
  it("reads 'nee ik bedoel …' with the question before it, unless what follows stands alone", async () => {
    // New-user try of the thirty-eighth session: "nee ik bedoel wat willen ze ermee bereiken" was searched alone and refused.
    const { answerer, handler } = handlerWith({
      "wat zijn de doelen?": "“Minder spoedplaatsingen.” [1]",
      "wat zijn de doelen? van de regiovisie": "“De visie heeft als doel de hulp te versterken.” [1]",
      "wat zijn de doelen? wat willen ze ermee bereiken": "“Half 2027 is het klaar.” [1]",
      "wat is een spoedberaad?": "“Een spoedberaad is een overleg.” [1]",
    });
    await handler.question(address, "wat zijn de doelen?");
    expect(texts((await handler.question(address, "nee ik bedoel van de regiovisie")).parts)).toEqual([
      "Ik lees dit als vervolg op je vorige vraag: „wat zijn de doelen?”",
      "“De visie heeft als doel de hulp te versterken.” [1]",
    ]);
    await handler.question(address, "wat zijn de doelen?");
    expect(texts((await handler.question(address, "nee ik bedoel wat willen ze ermee bereiken")).parts)).toContain("“Half 2027 is het klaar.” [1]");
    expect(texts((await handler.question(address, "ik bedoel: wat is een spoedberaad?")).parts)).toEqual(["“Een spoedberaad is een overleg.” [1]"]);
    expect(answerer.asked).toContain("wat zijn de doelen? van de regiovisie");
  });

  it("asks a follow-up with the previous question, and says so", async () => {
    const { answerer, handler } = handlerWith({
      "wat willen ze bereiken?": "“Minder spoedplaatsingen.” [1]",
      "wat willen ze bereiken? en wanneer moet dat klaar zijn?": "“Half 2027 is het klaar.” [1]",
    });
    await handler.question(address, "wat willen ze bereiken?");
    const reply = await handler.question(address, "en wanneer moet dat klaar zijn?");
    expect(answerer.asked).toEqual(["wat willen ze bereiken?", "wat willen ze bereiken? en wanneer moet dat klaar zijn?"]);
    expect(texts(reply.parts)).toEqual(["Ik lees dit als vervolg op je vorige vraag: „wat willen ze bereiken?”", "“Half 2027 is het klaar.” [1]"]);
  });

  it("quotes only the previous question in its notice, not the story told before it", async () => {
    // New-user try of the thirty-fifth session: the case details came back in every notice.
    const story = "ik werk in een wijkteam. gezin zit vrijwillig in de hulp, dochter loopt weg. wie heeft de casusregie?";
    const { handler } = handlerWith({ [story]: "“Het lokale team heeft de casusregie.” [1]", [withPrevious(story, "en bij een ots?")]: "“Bij een OTS ligt de casusregie bij de GI.” [1]" });
    await handler.question(address, story);
    expect(texts((await handler.question(address, "en bij een ots?")).parts)[0]).toBe("Ik lees dit als vervolg op je vorige vraag: „wie heeft de casusregie?”");
  });

  it("reads 'tegen die tijd' in a follow-up as the year the previous answer led with", async () => {
    const question = "tot wanneer bestaan de plekken nog?";
    const { answerer, handler } = handlerWith({ [question]: "“Half 2027 zijn de plekken afgebouwd.” [1]", [withPrevious(question, "en wat moet er in 2027 bereikt zijn?")]: "“In 2027 heeft elke jongere een analyse.” [1]" });
    await handler.question(address, question);
    const reply = await handler.question(address, "en wat moet er tegen die tijd bereikt zijn?");
    expect(answerer.asked).toContain(withPrevious(question, "en wat moet er in 2027 bereikt zijn?"));
    expect(texts(reply.parts)).toContain("“In 2027 heeft elke jongere een analyse.” [1]");
  });

  it("quotes the previous question without an introduction that has no 'ik' ('ben huisarts in assen.')", async () => {
    const question = "hoi, ben huisarts in assen. hoeveel jongeren komen met spoed?";
    const { handler } = handlerWith({ [question]: "“Circa 70% met een spoedmachtiging.” [1]", [withPrevious(question, "en wie beslist dat?")]: "“De rechter.” [1]" });
    await handler.question(address, question);
    expect(texts((await handler.question(address, "en wie beslist dat?")).parts)[0]).toBe("Ik lees dit als vervolg op je vorige vraag: „hoeveel jongeren komen met spoed?”");
  });

  it("quotes the previous question without a short introduction of the asker before it", async () => {
    // New-user try of the thirty-sixth session: "ik ben gedragswetenschapper in rotterdam." came back in every notice.
    const question = "ik ben gedragswetenschapper in rotterdam. bij wie ligt de casusregie?";
    const { handler } = handlerWith({ [question]: "“Het lokale team heeft de casusregie.” [1]", [withPrevious(question, "en bij een ots?")]: "“Bij een OTS ligt de casusregie bij de GI.” [1]" });
    await handler.question(address, question);
    expect(texts((await handler.question(address, "en bij een ots?")).parts)[0]).toBe("Ik lees dit als vervolg op je vorige vraag: „bij wie ligt de casusregie?”");
  });

  it("says it finds nothing new, and to ask the whole question, when the follow-up's answer leads as the previous one did", async () => {
    const reply = await followUpReply("wat willen ze bereiken?", "“Minder spoedplaatsingen.” [1]\n“Meer ambulante hulp.” [2]", "en wie doet dat dan?", "“Minder spoedplaatsingen.” [1]");
    expect(texts(reply.parts)).toContain("Een antwoord daarop vind ik niet in de plandocumenten: ik vind alleen weer wat in mijn vorige antwoord staat. Bedoel je iets anders? Stel je vraag dan met het onderwerp erin.");
    expect(texts(reply.parts)).not.toContain("“Minder spoedplaatsingen.” [1]");
    expect(reply.parts.some((p) => p.kind === "sources")).toBe(false);
    // No referral to the Servicepunt: the follow-up is about the documents, not a case.
    expect(texts(reply.parts).some((t) => /servicepunt/i.test(t))).toBe(false);
  });

  it("says it finds nothing new when the follow-up's answer shows the previous quotes again in another order", async () => {
    // New-user try: "wanneer moet dat gestopt zijn?" got the three quotes of the answer before, reordered.
    const reply = await followUpReply("waarom willen ze dat?", "“Minder spoedplaatsingen.” [1]\n“Meer ambulante hulp.” [2]", "wanneer moet dat gestopt zijn?", "“Meer ambulante hulp.” [1]\n“Minder spoedplaatsingen.” [2]");
    expect(texts(reply.parts)).toContain("Een antwoord daarop vind ik niet in de plandocumenten: ik vind alleen weer wat in mijn vorige antwoord staat. Bedoel je iets anders? Stel je vraag dan met het onderwerp erin.");
    expect(texts(reply.parts).join("\n")).not.toContain("Meer ambulante hulp");
  });

  it("reads 'waarom is dat zo veel?' with the question before it", async () => {
    // New-user try: it was refused as off-topic right after the answer it asked about.
    const { answerer, handler } = handlerWith({ "hoeveel jongeren komen met spoed?": "“Circa 70% met een spoedmachtiging.” [1]" });
    await handler.question(address, "hoeveel jongeren komen met spoed?");
    await handler.question(address, "waarom is dat zo veel?");
    expect(answerer.asked.at(-1)).toBe("hoeveel jongeren komen met spoed? waarom is dat zo veel?");
  });

  it("says it finds nothing new when, read with the previous question, the follow-up itself is the part left open", async () => {
    const question = "wie heeft de casusregie?";
    const followUp = "en wie betaalt dat allemaal?";
    const answerer = {
      answer: async (q: string): Promise<AnswerResult> =>
        q === question
          ? answered("“De GI heeft de casusregie.” [1]")
          : { ...answered("“Daarover spreken we af:”\n- De GI heeft de casusregie.\n- Het wijkteam bij vrijwillige hulp. [1]"), unanswered: "wie betaalt dat allemaal" },
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, question);
    const reply = await handler.question(address, followUp);
    expect(texts(reply.parts).join("\n")).toMatch(/vind ik niet in de plandocumenten/);
    expect(texts(reply.parts).join("\n")).not.toContain("Het wijkteam bij vrijwillige hulp");
    // A two-part answer whose open part is the previous question's is still shown.
    const other = { answer: async (q: string): Promise<AnswerResult> => (q === question ? answered("“De GI.” [1]") : { ...answered("“Gemeenten betalen.” [1]"), unanswered: "wie heeft de casusregie" }) };
    const otherStore = new MemoryKeyValueStore();
    const shown = new AskHandler(other, new AnswerLog(otherStore), new FollowUpMemory(otherStore, 600));
    await shown.question(address, question);
    expect(texts((await shown.question(address, followUp)).parts)).toContain("“Gemeenten betalen.” [1]");
  });

  it("says plainly which kind of answer the documents do not give, when the follow-up asked for one", async () => {
    const reply = await followUpReply("welke stappen heeft een plaatsing in de jz+?", "“Analyse opstellen.” [1]", "hoe lang duurt dat dan?", "“Analyse opstellen.” [1]");
    expect(texts(reply.parts)).toContain("Een duur daarbij vind ik niet in de plandocumenten: ik vind alleen weer wat in mijn vorige antwoord staat.");
  });

  it("answers a follow-up that finds only the previous answer again from the sections that answer did not quote", async () => {
    const question = "wat verandert er tot 2027?";
    const followUp = "en wat moet er dan bereikt zijn?";
    const other = { ...source, n: 1, section: "2 In 2027", quote: "Elke jongere heeft een analyse." };
    const beyondAsked: unknown[] = [];
    const answerer = {
      answer: async (q: string, options: { beyond?: readonly unknown[] } = {}): Promise<AnswerResult> => {
        if (options.beyond) {
          beyondAsked.push(...options.beyond);
          return { ...answered("“Elke jongere heeft een analyse.” [1]"), sources: [other] };
        }
        return answered("“Half 2027 zijn de plekken afgebouwd.” [1]");
      },
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, question);
    const reply = await handler.question(address, followUp);
    expect(beyondAsked).toEqual([expect.objectContaining({ documentId: "plan.md", section: "1 Doelen" })]);
    expect(texts(reply.parts)).toContain("“Elke jongere heeft een analyse.” [1]");
    expect(texts(reply.parts).join("\n")).not.toContain("vind ik niet");
  });

  it("says it finds nothing new when neither new quotes nor other sections hold a word the follow-up asks about", async () => {
    // New-user try: "en wie betaalt dat dan?" after a list on the INT got the rest of another list.
    const holdsAWordOf = (message: string, text: string) => message.includes("betaalt") ? text.includes("betaal") : true;
    const answerer = {
      answer: async (q: string, options: { beyond?: readonly unknown[] } = {}): Promise<AnswerResult> =>
        options.beyond ? answered("“4. Versnelde toegang met een INT.” [1]") : answered(q.includes("betaalt") ? "“Het INT wordt ingericht.” [1]\n“5. Monitoring inrichten.” [2]" : "“Het INT wordt ingericht.” [1]"),
      holdsAWordOf,
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat is het INT?");
    const pays = await handler.question(address, "en wie betaalt dat dan?");
    expect(texts(pays.parts).join("\n")).toContain("Een antwoord daarop vind ik niet in de plandocumenten");
    expect(texts(pays.parts).join("\n")).not.toMatch(/Monitoring|Versnelde/);
    // A follow-up whose words they do hold still gets them.
    const { handler: other } = { handler: new AskHandler({ ...answerer, holdsAWordOf: () => true }, new AnswerLog(store), new FollowUpMemory(store, 600)) };
    await other.question({ ...address, conversationId: "c3" }, "wat is het INT?");
    expect(texts((await other.question({ ...address, conversationId: "c3" }, "en wie betaalt dat dan?")).parts).join("\n")).toContain("5. Monitoring inrichten.");
  });

  it("answers 'en wie heeft het opgesteld?' with the document's details from the combined reading, without the aim's notice", async () => {
    // New-user try: the follow-up was read alone, and milestone rows with "is opgesteld" answered.
    const aim = "“We focussen op twee doelen.” [1]";
    const fact = "Volgens de gegevens bij de plandocumenten komt “Actieplan” (actieplan, landelijk) van: BGZJ. [2]";
    const asked: string[] = [];
    const answerer = {
      answer: async (q: string): Promise<AnswerResult> => {
        asked.push(q);
        if (q === "en wie heeft het opgesteld?") return answered("“Mijlpaal: het koersdocument is opgesteld.” [1]");
        // Read with "wie …?", the combined answer's quotes name no one (the details are no quote of the text).
        const result = { ...answered(q.includes("opgesteld") ? `${aim}\n${fact}` : aim), gistOf: "Actieplan", gistAsked: "aim" as const, ...(q.includes("opgesteld") ? { noActor: true } : {}) };
        return { ...result, sources: [source, { ...source, n: 2, section: "Documentgegevens", quote: "Uitgever: BGZJ" }] };
      },
      // The details name the makers, not the word asked.
      holdsAWordOf: (message: string, text: string) => !message.includes("opgesteld") || text.includes("opgesteld"),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat is het doel van het actieplan?");
    const reply = await handler.question(address, "en wie heeft het opgesteld?");
    expect(asked).toEqual(["wat is het doel van het actieplan?", "wat is het doel van het actieplan? en wie heeft het opgesteld?"]);
    expect(texts(reply.parts)).toEqual(["Ik lees dit als vervolg op je vorige vraag: „wat is het doel van het actieplan?”", fact.replace("[2]", "[1]")]);
    expect(reply.parts.find((p) => p.kind === "sources")).toMatchObject({ sources: [{ n: 1, section: "Documentgegevens" }] });
  });

  it("answers a 'wie' follow-up that finds nothing new with the previous answer's quotes that name someone, said to be from before", async () => {
    // Second new-user try: "en wie schrijft die?" got "nothing new", while the answer before named verwijzers and aanbieders.
    const before = "“In 2027 is voor alle jongeren een analyse opgesteld.” [1]\n“Trainen verwijzers en aanbieders in het opstellen van de analyse.” [2]";
    const asked: string[] = [];
    const answerer = {
      answer: async (q: string): Promise<AnswerResult> => {
        asked.push(q);
        const text = q === "wat is een verklarende analyse?" ? before : "“In 2027 is voor alle jongeren een analyse opgesteld.” [1]";
        return { ...answered(text), sources: [source, { ...source, n: 2, section: "Wat moeten we organiseren?" }], undefinedTerm: "verklarende analyse" };
      },
      holdsAWordOf: () => false,
      namesSomeoneOn: (_question: string, quote: string) => /verwijzers/.test(quote),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat is een verklarende analyse?");
    const who = await handler.question(address, "en wie schrijft die?");
    expect(texts(who.parts)).toEqual([
      "Ik lees dit als vervolg op je vorige vraag: „wat is een verklarende analyse?”",
      "Wie dat doet, zeggen de plandocumenten niet met zoveel woorden. In mijn vorige antwoord staat wel wie erbij betrokken is:",
      "“Trainen verwijzers en aanbieders in het opstellen van de analyse.” [1]",
    ]);
    expect(who.parts.find((p) => p.kind === "sources")).toMatchObject({ sources: [{ n: 1, section: "Wat moeten we organiseren?" }] });
    // A follow-up that asks when gets the quote with the date instead, said to be from before (new-user
    // try of the thirty-fifth session: "wanneer moet dat klaar zijn?" got "Een datum daarbij vind ik
    // niet", while "In 2027: …" was in the answer before).
    const when = await handler.question(address, "en wanneer moet die klaar zijn?");
    expect(texts(when.parts)).toEqual([
      "Ik lees dit als vervolg op je vorige vraag: „wat is een verklarende analyse?”",
      "Daarover vind ik niets nieuws in de plandocumenten. In mijn vorige antwoord stond er dit over:",
      "“In 2027 is voor alle jongeren een analyse opgesteld.” [1]",
    ]);
  });

  it("answers a follow-up that finds nothing new with the items of the previous answer that hold what it asks, said to be from before", async () => {
    // New-user try of the thirty-fifth session: "en als er een ots komt?" got "nothing new", while the
    // previous list had the item on the casusregie under an OTS.
    const before = "“Daar spreken we het volgende over af:”\n- bij vrijwillige hulp is het wijkteam de casusregisseur;\n- bij een ondertoezichtstelling komt de casusregie bij de GI te liggen. [1]";
    const answerer = {
      answer: async (): Promise<AnswerResult> => answered(before),
      holdsAWordOf: () => false,
      weightHeldBy: (message: string, text: string) => (/ots|lang/.test(message) ? (text.includes("ondertoezichtstelling") ? 1 : 0) : undefined),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wie heeft de casusregie?");
    const ots = await handler.question(address, "en als er een ots komt?");
    expect(texts(ots.parts)).toEqual([
      "Ik lees dit als vervolg op je vorige vraag: „wie heeft de casusregie?”",
      "Daarover vind ik niets nieuws in de plandocumenten. In mijn vorige antwoord stond er dit over:",
      "“Daar spreken we het volgende over af:”\n- bij een ondertoezichtstelling komt de casusregie bij de GI te liggen. [1]",
    ]);
    // A kind of answer the part does not give is said plainly; a follow-up without a word of its own gets nothing new.
    expect(texts((await handler.question(address, "en hoe lang duurt die ots dan?")).parts).join("\n")).toMatch(/^[^\n]*\nEen duur daarbij vind ik niet/);
    expect(texts((await handler.question(address, "en dan?")).parts).join("\n")).toMatch(/vind ik niet in de plandocumenten/);
  });

  it("shows of a follow-up's answer only the quotes that hold a word it asks about, when some do", async () => {
    // New-user try: "en wie gaf daar de aanzet toe?" led with two lines answering the previous question again.
    const source2 = { ...source, n: 2, section: "Aanleiding" };
    const answerer = {
      answer: async (q: string): Promise<AnswerResult> =>
        q.includes("aanzet")
          ? { ...answered("“De werkwijze geldt in Groningen en Drenthe.” [1]\n“Oproep van wethouder Molema.” [2]"), sources: [source, source2] }
          : answered("“Elker, Accare en Molendrift maakten de werkwijze.” [1]"),
      holdsAWordOf: (message: string, text: string) => (message.includes("aanzet") ? text.includes("Oproep") : true),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat is de nieuwe werkwijze?");
    const reply = await handler.question(address, "en wie gaf daar de aanzet toe?");
    expect(texts(reply.parts)).toContain("“Oproep van wethouder Molema.” [1]");
    expect(texts(reply.parts).join("\n")).not.toContain("Groningen en Drenthe");
    const sources = reply.parts.find((p) => p.kind === "sources");
    expect(sources && "sources" in sources ? sources.sources.map((s) => s.section) : []).toEqual(["Aanleiding"]);
    // When every quote holds a word it asks about, all stay.
    const all = new AskHandler({ ...answerer, holdsAWordOf: () => true }, new AnswerLog(store), new FollowUpMemory(store, 600));
    await all.question({ ...address, conversationId: "c4" }, "wat is de nieuwe werkwijze?");
    const both = texts((await all.question({ ...address, conversationId: "c4" }, "en wie gaf daar de aanzet toe?")).parts).join("\n");
    expect(both).toContain("Groningen en Drenthe");
    expect(both).toContain("Molema");
  });

  /** The reply to `followUp` after a question whose other sections hold only a line with no figure, date or duration. */
  async function beyondHasNoKind(followUp: string) {
    const answerer = {
      answer: async (_q: string, options: { beyond?: readonly unknown[] } = {}): Promise<AnswerResult> =>
        options.beyond ? answered("“Er zijn veel knelpunten.” [1]") : answered("“Analyse opstellen.” [1]"),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "welke stappen heeft een plaatsing in de jz+?");
    return handler.question(address, followUp);
  }

  it("still says it finds nothing new when the other sections lack the kind of answer the follow-up asks for", async () => {
    const reply = await beyondHasNoKind("hoe lang duurt dat dan?");
    expect(texts(reply.parts)).toContain("Een duur daarbij vind ik niet in de plandocumenten: ik vind alleen weer wat in mijn vorige antwoord staat.");
  });

  it("does not take a citation marker for the figure a follow-up asks for", async () => {
    const reply = await beyondHasNoKind("en hoeveel zijn dat er dan?");
    expect(texts(reply.parts).join("\n")).not.toContain("Er zijn veel knelpunten.");
  });

  it("reads a short reply to 'Welk plandocument bedoel je?' as the document to summarise", async () => {
    const asked: string[] = [];
    const answerer = {
      answer: async (q: string): Promise<AnswerResult> => {
        asked.push(q);
        return q === "vat het plan ff samen"
          ? { status: "abstained", text: "Welk plandocument bedoel je?", mode: "none", sources: [], moreSources: [], asksBack: true }
          : answered("“De visie heeft als doel …” [1]");
      },
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "vat het plan ff samen");
    const reply = await handler.question(address, "die regiovisie rijnmond");
    expect(asked).toEqual(["vat het plan ff samen", "vat die regiovisie rijnmond samen"]);
    expect(texts(reply.parts)).toContain("“De visie heeft als doel …” [1]");
    // After an answered question a short message is a question of its own.
    const other = handlerWith({ "wat is een spoedberaad?": "“Een overleg.” [1]" });
    await other.handler.question(address, "wat is een spoedberaad?");
    await other.handler.question(address, "regiovisie rijnmond");
    expect(other.answerer.asked).toEqual(["wat is een spoedberaad?", "regiovisie rijnmond"]);
  });

  it("answers every question on its own when follow-ups are switched off", async () => {
    const { answerer, handler } = handlerWith({ "wat willen ze bereiken?": "“Minder spoedplaatsingen.” [1]" }, 0);
    await handler.question(address, "wat willen ze bereiken?");
    await handler.question(address, "en wanneer moet dat klaar zijn?");
    expect(answerer.asked).toEqual(["wat willen ze bereiken?", "en wanneer moet dat klaar zijn?"]);
  });
  it("answers 'waar staat dat precies?' with the sources of the answer just given, without a new search", async () => {
    const { answerer, handler } = handlerWith({
      "wat is het INT?": "“Het INT versterkt het netwerk.” [1]",
      "wat is het INT? en wie zitten daarin?": "“Ambulante programma's.” [1]",
    });
    const none = await handler.question(address, "waar staat dat precies?");
    expect(texts(none.parts)[0]).toMatch(/geen antwoord met bronnen/);
    await handler.question(address, "wat is het INT?");
    const where = await handler.question(address, "waar staat dat precies?");
    expect(answerer.asked).toEqual(["wat is het INT?"]);
    expect(texts(where.parts)).toEqual(["Mijn vorige antwoord komt uit deze passage:"]);
    expect(where.parts.find((p) => p.kind === "sources")).toMatchObject({ sources: [source] });
    // After a follow-up, its answer is the one asked about.
    await handler.question(address, "en wie zitten daarin?");
    const again = await handler.question(address, "uit welk document komt dat?");
    expect(answerer.asked).toEqual(["wat is het INT?", "wat is het INT? en wie zitten daarin?"]);
    expect(again.parts.some((p) => p.kind === "sources")).toBe(true);
    // A refused question leaves nothing to point at, and says so.
    await handler.question(address, "wat is het weer?");
    expect(texts((await handler.question(address, "wat is de bron?")).parts)[0]).toBe(
      "Op je vorige vraag gaven de plandocumenten geen antwoord, dus daar hoort geen bron bij. Stel je vraag anders, of typ *help* voor voorbeelden.",
    );
  });

  it("answers 'kun je dat korter zeggen?' with the first quote of the answer just given and its source, without a new search", async () => {
    // New-user try: it was told Wegwijs does not say things shorter, while its answer led with the one sentence that said it.
    const first = { ...source, documentId: "visie.md", section: "2 Ambitie", quote: "Half 2027 afgebouwd." };
    const asked: string[] = [];
    const text = "“Half 2027 zijn de plekken afgebouwd.” [1]\n“Afbouw vraagt een nieuw besef.” [2]";
    const answerer = { answer: async (q: string) => (asked.push(q), { ...answered(text), sources: [first, { ...source, n: 2 }] }) };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    const before = await handler.question(address, "kun je dat korter zeggen?");
    expect(texts(before.parts)[0]).toMatch(/^Korter of in andere woorden zeggen doe ik niet/);
    await handler.question(address, "wanneer zijn de plekken afgebouwd?");
    const shorter = await handler.question(address, "kun je dat korter zeggen?");
    expect(asked).toEqual(["wanneer zijn de plekken afgebouwd?"]);
    expect(texts(shorter.parts)).toEqual(["Korter: het citaat waarmee mijn vorige antwoord begint.", "“Half 2027 zijn de plekken afgebouwd.” [1]"]);
    expect(shorter.parts.find((p) => p.kind === "sources")).toEqual({ kind: "sources", title: "Bron", sources: [first] });
  });

  it("answers 'alleen de belangrijkste 3' with the first three items of the list the answer led with, saying the documents do not rank them", async () => {
    // New-user try of the forty-first session: one item came, with "nog 6 punten".
    const long = "Afwegen en inzetten van specialistische ambulante alternatieven, samen met het gezin en de school, voordat een plaatsing aan de orde is";
    const text = `Wat kunnen we vanaf morgen anders doen?\n- Hanteren reguliere route plaatsing\n- ${long}\n- Tijdig hulp vragen\n- Op tijd inbrengen bij Servicepunt\n- Gedeelde verklarende analyse [1]`;
    const answerer = { answer: async () => ({ ...answered(text), sources: [source] }) };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat kunnen we vanaf morgen anders doen?");
    const three = await handler.question(address, "kan dat korter? alleen de belangrijkste 3");
    expect(texts(three.parts)).toEqual([
      "De eerste 3 punten van de lijst waarmee mijn vorige antwoord begint. Welke het belangrijkst zijn, zeggen de plandocumenten niet.",
      `Wat kunnen we vanaf morgen anders doen?\n- Hanteren reguliere route plaatsing\n- ${long}\n- Tijdig hulp vragen [1]`,
      "De lijst heeft nog 2 punten; die staan in mijn vorige antwoord.",
    ]);
  });

  it("answers 'kan dat korter? alleen de datums' with the previous answer's lines that hold a date, each with its source", async () => {
    // New-user try of the forty-second session: only the first of two milestones came.
    const second = { ...source, n: 2, documentId: "visie.md", section: "3.6 Afspraken", quote: "Q4 2020: minder overplaatsingen." };
    const text = "“Q1 2021: een vast woonperspectief voor alle jeugdigen.” [1]\n“Matching gebeurt zorgvuldig.” [1]\n“Q4 2020: minder overplaatsingen.” [2]";
    const asked: string[] = [];
    const answerer = { answer: async (q: string) => (asked.push(q), { ...answered(text), sources: [source, second] }) };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wanneer moet er een vast woonperspectief zijn en minder overplaatsingen?");
    const dates = await handler.question(address, "kan dat korter? alleen de datums");
    expect(asked).toHaveLength(1);
    expect(texts(dates.parts)).toEqual(["Alleen de regels met een datum uit mijn vorige antwoord:", "“Q1 2021: een vast woonperspectief voor alle jeugdigen.” [1]\n“Q4 2020: minder overplaatsingen.” [2]"]);
    expect(dates.parts.find((p) => p.kind === "sources")).toEqual({ kind: "sources", title: "Bronnen", sources: [source, second] });
    // None of that kind: said so, nothing searched.
    expect(texts((await handler.question(address, "alleen de bedragen graag")).parts)).toEqual(["In mijn vorige antwoord staat geen bedrag."]);
    expect(asked).toHaveLength(1);
  });

  it("answers 'kan dat korter? alleen wat over het expertteam gaat' with the previous answer's lines that name it", async () => {
    // Second new-user try of the forty-sixth session: the list's first item came, not the one on the Expertteam.
    const text = "“Wat moeten we organiseren?”\n3. Organiseren inzet HSJ kennis.\n7. Verbinding zoeken met het Expertteam en de Centrale Toegang. [1]";
    const asked: string[] = [];
    const answerer = { answer: async (q: string) => (asked.push(q), answered(text)) };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat moet de regio organiseren?");
    const about = await handler.question(address, "kan dat korter? alleen wat over het expertteam gaat");
    expect(asked).toHaveLength(1);
    expect(texts(about.parts)).toEqual(["Alleen de regels over „expertteam” uit mijn vorige antwoord:", "7. Verbinding zoeken met het Expertteam en de Centrale Toegang. [1]"]);
    // Nothing on it: said so, nothing searched.
    expect(texts((await handler.question(address, "kan dat korter? alleen wat over pleegzorg gaat")).parts)).toEqual(["In mijn vorige antwoord staat niets over „pleegzorg”."]);
    expect(asked).toHaveLength(1);
  });

  it("answers 'vertel eens meer' with the passages found for the answer just given that it did not show, without a new search", async () => {
    // Test of the thirty-seventh session: read as a question, "kun je daar meer over vertellen?" quoted a line on what outcomes "vertellen".
    const hidden = { ...source, n: 2, documentId: "visie.md", section: "3.6 Afspraken", quote: "Gezinshuizen zijn een alternatief." };
    const asked: string[] = [];
    const answerer = { answer: async (q: string) => (asked.push(q), { ...answered("“Netwerkpleegzorg heeft de voorkeur.” [1]"), moreSources: [hidden] }) };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    expect(texts((await handler.question(address, "vertel eens meer")).parts)).toEqual([
      "Meer waarover? Ik heb in dit gesprek (nog) geen antwoord gegeven om op verder te gaan. Stel je vraag, dan zoek ik het op in de plandocumenten.",
    ]);
    await handler.question(address, "ik werk in een wijkteam. welke pleegzorg heeft de voorkeur?");
    const more = await handler.question(address, "kun je daar meer over vertellen?");
    expect(asked).toEqual(["ik werk in een wijkteam. welke pleegzorg heeft de voorkeur?"]);
    expect(texts(more.parts)).toEqual(["Dit vond ik nog meer in de plandocumenten bij je vraag „welke pleegzorg heeft de voorkeur?”:"]);
    expect(more.parts.find((p) => p.kind === "sources")).toEqual({ kind: "sources", title: "Meer bronnen", sources: [hidden] });
    // An answer that showed all it found has nothing more; a refusal has nothing to go on from.
    const { handler: all } = handlerWith({ "wat is het INT?": "“Het INT versterkt het netwerk.” [1]" });
    await all.question(address, "wat is het INT?");
    expect(texts((await all.question(address, "meer info?")).parts)).toEqual(["Meer dan in mijn vorige antwoord staat, vind ik er niet over in de plandocumenten. Vraag gerust naar iets specifieks, of typ *help* voor voorbeelden."]);
    await all.question(address, "wat is het weer?");
    expect(texts((await all.question(address, "en verder?")).parts)).toEqual(["Op je vorige vraag gaven de plandocumenten geen antwoord, dus er is niets meer over te vertellen. Stel je vraag anders, of typ *help* voor voorbeelden."]);
  });

  it("answers a follow-up that finds only the previous answer again with what its passage says next, when it asks what follows", async () => {
    // New-user try of the thirty-seventh session: "en als dat niet lukt?" got "niets nieuws", while the section goes on with the alternative.
    const question = "moet een pleeggezin dichtbij de oude woonomgeving zitten?";
    const before = "“Het streven is om de nieuwe woonomgeving dichtbij de oude te realiseren.” [1]";
    const answerer = {
      ...scripted({ [question]: before, [withPrevious(question, "en als dat niet lukt?")]: before, [withPrevious(question, "en hoe zit dat met broers?")]: before }),
      continuation: (from: { documentId: string }, shown: string) =>
        from.documentId === "plan.md" && shown.includes("Het streven is om de nieuwe woonomgeving dichtbij de oude te realiseren.") ? { ...answered("“Als er geen pleeggezinnen in de buurt zijn, vormen gezinshuizen een alternatief.” [1]"), continuesPassage: true } : undefined,
      holdsAWordOf: (message: string, text: string) => message.split(/\W+/).some((word) => word.length > 3 && text.includes(word)),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, question);
    const next = await handler.question(address, "en als dat niet lukt?");
    expect(texts(next.parts).slice(1)).toEqual([
      "Met zoveel woorden vind ik daar niets over. Zo gaat de tekst van mijn vorige antwoord verder:",
      "“Als er geen pleeggezinnen in de buurt zijn, vormen gezinshuizen een alternatief.” [1]",
    ]);
    // A follow-up with words of its own that the next lines do not hold still gets "niets nieuws".
    const other = await handler.question(address, "en hoe zit dat met broers?");
    expect(texts(other.parts).join("\n")).not.toContain("Zo gaat de tekst");
  });

  it("answers 'vertel eens meer' and 'en verder?' first with what the passage says after what the latest answer showed", async () => {
    // Second new-user try of the thirty-seventh session: after the casusregisseur's first task, "vertel eens meer" and "en verder?" said there was no more.
    const first = "“Ten eerste is de casusregisseur het aanspreekpunt.” [1]";
    const second = "“Ten tweede heeft de casusregisseur een rol in het afschalen.” [1]";
    const third = "“Tot slot houdt de casusregisseur de waakvlam brandend.” [1]";
    const shownOf = (text: string) => text.replace(/ \[1\]$/, "");
    const answerer = {
      ...scripted({ "wat doet de casusregisseur?": first }),
      continuation: (_from: unknown, shown: string) =>
        shown === shownOf(first) ? { ...answered(second), continuesPassage: true } : shown === shownOf(second) ? { ...answered(third), continuesPassage: true } : undefined,
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat doet de casusregisseur?");
    expect(texts((await handler.question(address, "vertel eens meer")).parts)).toEqual(["Zo gaat de tekst van mijn vorige antwoord verder:", second]);
    expect(texts((await handler.question(address, "en verder?")).parts)).toEqual(["Zo gaat de tekst van mijn vorige antwoord verder:", third]);
    // At the passage's end, and with no other passages found, there is no more.
    expect(texts((await handler.question(address, "nog meer?")).parts)).toEqual(["Meer dan in mijn vorige antwoord staat, vind ik er niet over in de plandocumenten. Vraag gerust naar iets specifieks, of typ *help* voor voorbeelden."]);
    expect(answerer.asked).toEqual(["wat doet de casusregisseur?"]);
  });

  it("answers 'wat bedoelen ze daarmee?' with how the text goes on, said to be no explanation, and never with other passages", async () => {
    // Test of the thirty-ninth session (and a new-user try of the thirty-eighth): read with the question before it, it quoted lines on the inspectie under the plan's aim.
    const first = "“We werken stroomopwaarts.” [1]";
    const next = "“Stroomopwaarts, dus vanaf preventie en wijkteam.” [1]";
    const answerer = {
      ...scripted({ "wat is het doel?": first, "wat is het INT?": "“Het INT versterkt het netwerk.” [1]" }),
      continuation: (_from: unknown, shown: string) => (shown === "“We werken stroomopwaarts.”" ? { ...answered(next), continuesPassage: true } : undefined),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, "wat is het doel?");
    expect(texts((await handler.question(address, "wat bedoelen ze daarmee?")).parts)).toEqual([
      "Verder uitleggen doen de plandocumenten het niet, maar zo gaat de tekst van mijn vorige antwoord verder:",
      next,
    ]);
    await handler.question(address, "wat is het INT?");
    expect(texts((await handler.question(address, "hoe bedoelen ze dat?")).parts)).toEqual([
      "Verder dan in mijn vorige antwoord leggen de plandocumenten het niet uit. Vraag gerust naar een woord dat je niet kent, bijvoorbeeld *wat is een GVA?*",
    ]);
    expect(answerer.asked).toEqual(["wat is het doel?", "wat is het INT?"]);
  });

  it("answers a request to do something with its first quote only, the other sources kept as further sources", async () => {
    // New-user try of the thirty-ninth session: a case story about a mother and her therapist stood under the consult button.
    const request = "ik wil graag een consult aanvragen bij het servicepunt";
    const second = { ...source, n: 2, documentId: "visie.md", section: "5 Casus", quote: "Moeder onderzoekt met de therapeut wat zij waardeert." };
    const answerer = {
      answer: async () => ({ ...answered("“Consultvraag stellen bij Servicepunt.” [1]\n“Moeder onderzoekt met de therapeut wat zij waardeert.” [2]"), sources: [source, second] }),
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    const reply = await handler.question(address, request);
    expect(texts(reply.parts)).toEqual(["“Consultvraag stellen bij Servicepunt.” [1]"]);
    expect(reply.parts.find((p) => p.kind === "sources")).toMatchObject({ sources: [{ documentId: "plan.md" }] });
    // A question gets the whole answer, and so does a request that names nothing Wegwijs does itself.
    const question = await handler.question(address, "wat doet het servicepunt bij een consult?");
    expect(texts(question.parts).join("\n")).toContain("Moeder onderzoekt");
    const told = await handler.question(address, "kun je de doelen van het actieplan noemen?");
    expect(texts(told.parts).join("\n")).toContain("Moeder onderzoekt");
  });

  it("says a one-quote answer cannot be said shorter, and that a refusal has nothing to shorten", async () => {
    const { handler } = handlerWith({ "wat is het INT?": "“Het INT versterkt het netwerk.” [1]" });
    await handler.question(address, "wat is het INT?");
    expect(texts((await handler.question(address, "korter graag")).parts)).toEqual(["Mijn vorige antwoord was al één citaat. Korter kan ik het niet zeggen zonder iets weg te laten: ik citeer de plandocumenten letterlijk."]);
    await handler.question(address, "wat is het weer?");
    expect(texts((await handler.question(address, "vat dat samen")).parts)).toEqual(["Op je vorige vraag gaven de plandocumenten geen antwoord, dus er is niets om korter te zeggen. Stel je vraag anders, of typ *help* voor voorbeelden."]);
    // A long list, the whole answer: its lead-in and first item, and how many items are left out.
    const item = "een groot deel van de jongeren wordt met een spoedmachtiging in de JeugdzorgPlus geplaatst in plaats van met een reguliere machtiging";
    const list = handlerWith({ "welke knelpunten zijn er?": `“Geconstateerd wordt dat:”\n- ${item};\n- ${item};\n- ${item}. [1]` });
    await list.handler.question(address, "welke knelpunten zijn er?");
    expect(texts((await list.handler.question(address, "kun je dat korter zeggen?")).parts)).toEqual([
      "Korter: het citaat waarmee mijn vorige antwoord begint.",
      `“Geconstateerd wordt dat:”\n- ${item}; [1]`,
      "De lijst heeft nog 2 punten; die staan in mijn vorige antwoord.",
    ]);
    // A list of short points cannot be said shorter without leaving points out: the reply says so, and
    // how to ask for the first few (new-user try of the forty-third session: one of seven came back).
    const points = handlerWith({ "wat kan ik morgen anders doen?": "Wat kunnen we vanaf morgen anders doen?\n- Hanteren reguliere route plaatsing\n- Afwegen en inzetten alternatieven\n- Tijdig hulp vragen en elkaars expertise betrekken\n- Op tijd inbrengen bij Servicepunt\n- Gedeelde verklarende analyse\n- Op tijd en doorlopend het goede gesprek voeren met jongere en omgeving over de risico's, dilemma's en veiligheid [1]" });
    await points.handler.question(address, "wat kan ik morgen anders doen?");
    expect(texts((await points.handler.question(address, "kun je dat korter zeggen?")).parts)).toEqual([
      "Mijn vorige antwoord was al één lijst van korte punten. Korter kan ik het niet zeggen zonder punten weg te laten: ik citeer de plandocumenten letterlijk. Wil je er minder? Vraag dan bijvoorbeeld *alleen de eerste 3*.",
    ]);
    expect(texts((await points.handler.question(address, "alleen de eerste 3")).parts)).toEqual([
      "De eerste 3 punten van de lijst waarmee mijn vorige antwoord begint.",
      "Wat kunnen we vanaf morgen anders doen?\n- Hanteren reguliere route plaatsing\n- Afwegen en inzetten alternatieven\n- Tijdig hulp vragen en elkaars expertise betrekken [1]",
      "De lijst heeft nog 3 punten; die staan in mijn vorige antwoord.",
    ]);
  });

  it("answers 'waar staat dat?' after a refused follow-up with that it had no source, not with the sources of the answer before it", async () => {
    // Verification try: after "en in rijnmond?" was refused, "waar staat dat?" showed the first answer's sources.
    const { handler } = handlerWith({ "wat is het INT?": "“Het INT versterkt het netwerk.” [1]" });
    await handler.question(address, "wat is het INT?");
    const refused = await handler.question(address, "en in rijnmond?");
    expect(refused.parts.some((p) => p.kind === "sources")).toBe(false);
    const where = await handler.question(address, "waar staat dat?");
    expect(texts(where.parts)).toEqual(["Op je vorige vraag gaven de plandocumenten geen antwoord, dus daar hoort geen bron bij. Stel je vraag anders, of typ *help* voor voorbeelden."]);
    expect(where.parts.some((p) => p.kind === "sources")).toBe(false);
  });
  it("does not answer a follow-up that points back at a question the documents did not answer, and still answers one that names its subject", async () => {
    // New-user try: "en wie betaalt dat?" after a refused question about costs was answered on "betaalt" alone.
    const { answerer, handler } = handlerWith({
      "en wie betaalt dat?": "“… ongelijke betaling …” [1]",
      "en wanneer ga ik naar het expertteam?": "“Op tijd inbrengen bij Servicepunt en/of Expertteam” [1]",
    });
    await handler.question(address, "wat kost een plek in de jeugdzorgplus?");
    const pays = await handler.question(address, "en wie betaalt dat?");
    expect(answerer.asked).toEqual(["wat kost een plek in de jeugdzorgplus?"]);
    expect(texts(pays.parts)).toEqual([
      "Ik lees dit als vervolg op je vorige vraag: „wat kost een plek in de jeugdzorgplus?”",
      "Ook hierop geven de plandocumenten geen antwoord: je vorige vraag stond er al niet in. Gaat je vraag over iets anders? Stel hem dan met het onderwerp erin.",
    ]);
    expect(pays.declines).toBe(true);
    // The refused question stays the one a next follow-up goes on from.
    expect(texts((await handler.question(address, "en wie regelt dat?")).parts)[1]).toMatch(/^Ook hierop/);
    // One that names what it asks about is asked on its own.
    const own = await handler.question(address, "en wanneer ga ik naar het expertteam?");
    expect(answerer.asked.at(-1)).toBe("en wanneer ga ik naar het expertteam?");
    expect(texts(own.parts)).toEqual(["“Op tijd inbrengen bij Servicepunt en/of Expertteam” [1]"]);
  });

  it("asks a question with 'hier' of the region the asker said they work in, and says so; without an answer there, as typed", async () => {
    const answerer = scripted({
      "wat doet het expertiseteam?": "“Het expertiseteam heeft de volgende functies.” [1]",
      "mogen jongeren in Rijnmond meebeslissen?": "“Jongeren vanaf 12 jaar een stevige rol geven in de keuze.” [1]",
      "hoeveel plekken zijn er hier?": "“Er zijn 12 plekken.” [1]",
    });
    const store = new MemoryKeyValueStore();
    const regions = { served: () => "Groningen en Drenthe", documentRegion: () => "Rijnmond", regions: () => ["Groningen en Drenthe", "Rijnmond"], placesOf: (region: string) => (region === "Rijnmond" ? ["Rotterdam"] : []) };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    await handler.question(address, "ik werk in rotterdam. wat doet het expertiseteam?");
    const here = await handler.question(address, "mogen jongeren hier meebeslissen?");
    expect(texts(here.parts).slice(0, 2)).toEqual(["Ik lees „hier” als regio Rijnmond.", "“Jongeren vanaf 12 jaar een stevige rol geven in de keuze.” [1]"]);
    // A follow-up goes on from that reading, not from "hier".
    const next = await handler.question(address, "en wie beslist dat?");
    expect(texts(next.parts)[0]).toBe("Ik lees dit als vervolg op je vorige vraag: „mogen jongeren in Rijnmond meebeslissen?”");
    expect(answerer.asked.at(-1)).toBe(withPrevious("mogen jongeren in Rijnmond meebeslissen?", "en wie beslist dat?"));
    // Rijnmond's plans have no answer: the question as typed gets its own.
    const typed = await handler.question(address, "hoeveel plekken zijn er hier?");
    expect(answerer.asked.slice(-2)).toEqual(["hoeveel plekken zijn er in Rijnmond?", "hoeveel plekken zijn er hier?"]);
    expect(texts(typed.parts)[0]).toBe("“Er zijn 12 plekken.” [1]");
  });

  it("asks a follow-up that names a place the question before did not on its own, when read with that question it finds nothing new", async () => {
    // New-user try of the thirty-eighth session: "en wat geldt er specifiek voor ons als schiedam?" got "nothing new".
    const question = "welke functies heeft het expertiseteam in rijnmond?";
    const followUp = "en wat geldt er specifiek voor ons als schiedam?";
    const answerer = scripted({
      [question]: "“Het expertiseteam heeft de volgende functies.” [1]",
      [withPrevious(question, followUp)]: "“Het expertiseteam heeft de volgende functies.” [1]",
      [followUp]: "“Per 2023 kopen de MVS-gemeenten zelf in.” [1]",
      [withPrevious(question, "en wat geldt er dan in rijnmond?")]: "“Het expertiseteam heeft de volgende functies.” [1]",
      "en wat geldt er dan in rijnmond?": "“Per 2023 kopen de MVS-gemeenten zelf in.” [1]",
    });
    const store = new MemoryKeyValueStore();
    const regions = { served: () => "Groningen en Drenthe", documentRegion: () => "Rijnmond", regions: () => ["Groningen en Drenthe", "Rijnmond"], placesOf: (region: string) => (region === "Rijnmond" ? ["Schiedam"] : []) };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    await handler.question(address, question);
    expect(texts((await handler.question(address, followUp)).parts)).toContain("“Per 2023 kopen de MVS-gemeenten zelf in.” [1]");
    // A place the question before named already is no reason to ask it alone.
    await handler.question(address, question);
    expect(texts((await handler.question(address, "en wat geldt er dan in rijnmond?")).parts).join("\n")).not.toContain("MVS");
    // The place the asker said they work, in the introduction before the question, is no place that
    // question named (new-user try of the forty-third session: "geldt dat ook voor schiedam?" got "nothing new").
    const introduced = "beleidsmedewerker jeugd gemeente schiedam. welke functies heeft het expertiseteam in rijnmond?";
    const alsoHere = "geldt dat ook voor schiedam?";
    const own = scripted({
      [introduced]: "“Het expertiseteam heeft de volgende functies.” [1]",
      [withPrevious(introduced, alsoHere)]: "“Het expertiseteam heeft de volgende functies.” [1]",
      [alsoHere]: "“Per 2023 kopen de MVS-gemeenten zelf in.” [1]",
    });
    const ownHandler = new AskHandler(own, new AnswerLog(store), new FollowUpMemory(new MemoryKeyValueStore(), 600), regions);
    await ownHandler.question(address, introduced);
    expect(texts((await ownHandler.question(address, alsoHere)).parts)).toContain("“Per 2023 kopen de MVS-gemeenten zelf in.” [1]");
  });

  it("answers a follow-up that names only a place the documents know with what they say about it, when the reading with the question before finds nothing new", async () => {
    // New-user try of the thirty-eighth session: "en in friesland?" got "nothing new".
    const question = "wie traint verwijzers in de verklarende analyse?";
    const answers = {
      [question]: "“Trainen verwijzers.” [1]",
      [withPrevious(question, "en in friesland?")]: "“Trainen verwijzers.” [1]",
      [withPrevious(question, "en in verder?")]: "“Trainen verwijzers.” [1]",
      friesland: "“Wens is om Friesland ook aan te laten sluiten.” [1]",
      verder: "“Verder gaat het om scholing.” [1]",
    };
    const answerer = { ...scripted(answers), namesAPlace: (text: string) => text.toLowerCase() === "friesland" };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, question);
    expect(texts((await handler.question(address, "en in friesland?")).parts).slice(1)).toEqual([
      "Bij je vorige vraag vind ik niets over Friesland. Dit zeggen de plandocumenten wel over Friesland:",
      "“Wens is om Friesland ook aan te laten sluiten.” [1]",
    ]);
    // A word that is no place the documents name is not asked alone.
    await handler.question(address, question);
    expect(texts((await handler.question(address, "en in verder?")).parts).join("\n")).not.toContain("scholing");
  });

  it("answers a message that only says where the asker works with that region, keeps it, and searches nothing", async () => {
    // New-user try of the thirty-seventh session: "ik zit in rijnmond hoor, niet in groningen" was searched, and a notice about Groningen came back.
    const answerer = scripted({ "mogen jongeren in Rijnmond meebeslissen?": "“Jongeren vanaf 12 jaar een stevige rol geven in de keuze.” [1]" });
    const store = new MemoryKeyValueStore();
    const regions = { served: () => "Groningen en Drenthe", documentRegion: () => "Rijnmond", regions: () => ["Groningen en Drenthe", "Rijnmond"], placesOf: (region: string) => (region === "Rijnmond" ? ["Rotterdam"] : []) };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    const told = await handler.question(address, "ik zit in rijnmond hoor, niet in groningen");
    expect(texts(told.parts)).toEqual(["Dank je! Ik houd rekening met regio Rijnmond: bij je vragen gaan de plannen van die regio voor. Wat wil je weten?"]);
    expect(answerer.asked).toEqual([]);
    // The region is kept: "hier" is Rijnmond, and a short next message is no follow-up of the introduction.
    const here = await handler.question(address, "mogen jongeren hier meebeslissen?");
    expect(texts(here.parts)[0]).toBe("Ik lees „hier” als regio Rijnmond.");
    const served = await handler.question({ ...address, conversationId: "c2" }, "ik werk bij de GI in groningen");
    expect(texts(served.parts)).toEqual(["Dank je! Regio Groningen en Drenthe: daar is Wegwijs voor ingesteld. Wat wil je weten?"]);
    const bare = await handler.question({ ...address, conversationId: "c3" }, "ik ben huisarts");
    expect(texts(bare.parts)).toEqual(["Dank je! Wat wil je weten? Ik zoek het op in de plandocumenten. Typ *help* voor voorbeelden."]);
    // Going on about a case, asking nothing: what to ask, and the placement route (second new-user try of the thirty-seventh session).
    const story = await handler.question({ ...address, conversationId: "c4" }, "Hoi, ik ben gezinsvoogd bij een GI in Groningen. Heb een meid van 16 die steeds wegloopt, wordt wss jz+.");
    expect(texts(story.parts)).toEqual([
      "Dank je! Regio Groningen en Drenthe: daar is Wegwijs voor ingesteld. Wat wil je weten over deze situatie? Stel je vraag, dan zoek ik het op in de plandocumenten.",
      "Gaat dit over een jongere voor wie plaatsing in beeld is? Loop dan stap voor stap de plaatsingsroute door.",
    ]);
    expect(story.parts.find((p) => p.kind === "actions")).toEqual({ kind: "actions", actions: [{ id: "route.start", label: "Start de plaatsingsroute", style: "primary" }] });
    // An urgent case gets the urgent route's and the checklist's own offers under the reply, not this one too.
    const urgent = await handler.question({ ...address, conversationId: "c5" }, "ik werk in een wijkteam en heb een jongere die vannacht is weggelopen");
    expect(urgent.parts.some((p) => p.kind === "actions")).toBe(false);
    expect(answerer.asked).toEqual(["mogen jongeren in Rijnmond meebeslissen?"]);
  });

  it("says an answer was already that region's when the follow-up names only the region it came from", async () => {
    const question = "wie heeft de casusregie als er een OTS loopt?";
    const answerer = scripted({ [question]: "“Bij een OTS ligt de casusregie bij de GI.” [1]", [withPrevious(question, "en in rijnmond?")]: "“Bij een OTS ligt de casusregie bij de GI.” [1]" });
    const store = new MemoryKeyValueStore();
    const regions = { served: () => "Groningen en Drenthe", documentRegion: () => "Rijnmond", regions: () => ["Groningen en Drenthe", "Rijnmond"] };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    await handler.question(address, question);
    const again = await handler.question(address, "en in rijnmond?");
    expect(texts(again.parts)).toContain("Mijn vorige antwoord kwam al uit de plannen van regio Rijnmond. Meer zeggen die er niet over.");
    // Of another region it is the usual "nothing new".
    const elsewhere = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), { ...regions, documentRegion: () => "landelijk" });
    await elsewhere.question({ ...address, conversationId: "c2" }, question);
    expect(texts((await elsewhere.question({ ...address, conversationId: "c2" }, "en in rijnmond?")).parts).join(" ")).not.toContain("kwam al uit");
  });

  it("answers from more of that region's plans when they say more outside the sections already quoted", async () => {
    // First new-user try of the fortieth session: "Meer zeggen die er niet over" after one line on
    // pleegzorg, while the regiovisie's agreements say more.
    const question = "wat zeggen ze over pleegzorg en gezinshuizen";
    const first = "“Gezinshuizen kunnen een goed alternatief vormen voor pleegzorg.” [1]";
    const more = "“In te zetten op toename van pleegzorg en gezinshuizen: een toename van 30 procent.” [1]";
    const combined = withPrevious(question, "en in rijnmond?");
    const answerer = {
      answer: async (asked: string, options?: { beyond?: readonly unknown[] }) =>
        asked === question ? answered(first) : asked === combined ? answered(options?.beyond ? more : first) : { status: "abstained" as const, text: "", mode: "none" as const, sources: [], moreSources: [] },
      // As the service checks it: the quotes do not write the region's name.
      holdsAWordOf: (message: string, text: string) => !/rijnmond/i.test(message) || /rijnmond/i.test(text),
    };
    const store = new MemoryKeyValueStore();
    const regions = { served: () => "Groningen en Drenthe", documentRegion: () => "Rijnmond", regions: () => ["Groningen en Drenthe", "Rijnmond"] };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    await handler.question(address, question);
    const again = await handler.question(address, "en in rijnmond?");
    expect(texts(again.parts)).toContain("Mijn vorige antwoord kwam al uit de plannen van regio Rijnmond. Dit zeggen die er verder over:");
    expect(texts(again.parts)).toContain(more);
  });

  // "wie heeft de casusregie in drenthe?" is refused; the same question of Rijnmond is answered.
  const regionSwap = () => {
    const answerer = scripted({ "wie heeft de casusregie in rijnmond?": "“De medewerker van het wijkteam is de casusregisseur.” [1]" });
    const store = new MemoryKeyValueStore();
    const regions = { served: () => undefined, documentRegion: () => "landelijk", regions: () => ["Groningen en Drenthe", "Rijnmond"] };
    return { answerer, handler: new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions) };
  };

  it.each(["en in rijnmond?", "ok, en in rijnmond dan?"])("asks a refused question again of another region when the follow-up names one (%s)", async (followUp) => {
    const { answerer, handler } = regionSwap();
    await handler.question(address, "wie heeft de casusregie in drenthe?");
    const swapped = await handler.question(address, followUp);
    expect(answerer.asked).toEqual(["wie heeft de casusregie in drenthe?", "wie heeft de casusregie in rijnmond?"]);
    expect(texts(swapped.parts)).toContain("“De medewerker van het wijkteam is de casusregisseur.” [1]");
  });

  it("asks a question of the region a follow-up names, and that region's plans alone when the answer quotes none of them", async () => {
    // Second new-user try: "en wat zegt rijnmond daarover?" after a question that named no region got the national answer again.
    const question = "wie heeft de regie als een jongere in jz+ dreigt te komen?";
    const asked: Array<{ question: string; without?: readonly string[] }> = [];
    const answerer = {
      answer: async (q: string, options: { withoutDocuments?: readonly string[] } = {}): Promise<AnswerResult> => {
        asked.push({ question: q, ...(options.withoutDocuments ? { without: options.withoutDocuments } : {}) });
        if (options.withoutDocuments) return { ...answered("“Bij een OTS ligt de casusregie bij de GI.” [1]"), sources: [{ ...source, documentId: "rijnmond.md" }] };
        return { ...answered("“De branches nemen de verantwoordelijkheid.” [1]"), ...(q.includes("rijnmond") ? { placeNotQuoted: "Rijnmond" } : {}) };
      },
    };
    const store = new MemoryKeyValueStore();
    const regionOf: Record<string, string> = { "plan.md": "landelijk", "rijnmond.md": "Rijnmond", "werkwijze.md": "Groningen en Drenthe" };
    const regions = { served: () => undefined, documentRegion: (id: string) => regionOf[id], regions: () => ["landelijk", "Groningen en Drenthe", "Rijnmond"], documents: () => Object.keys(regionOf) };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    await handler.question(address, question);
    const reply = await handler.question(address, "en wat zegt rijnmond daarover?");
    expect(asked.map((a) => a.question)).toEqual([question, "wie heeft de regie als een jongere in jz+ dreigt te komen in rijnmond?", "wie heeft de regie als een jongere in jz+ dreigt te komen in rijnmond?"]);
    expect(asked[2]!.without).toEqual(["plan.md", "werkwijze.md"]);
    expect(texts(reply.parts)).toContain("“Bij een OTS ligt de casusregie bij de GI.” [1]");
  });

  it("asks a follow-up that names no document of the document the question before named", async () => {
    // New-user try of the forty-third session: after "wat zegt de regiovisie rijnmond over pleegzorg …?",
    // "en wie betaalt dat dan?" got a progress-report list on gezinshuizen.
    const question = "wat zegt de regiovisie over pleegzorg?";
    const asked: Array<{ question: string; without?: readonly string[] }> = [];
    const named = (q: string) => (/regiovisie/.test(q) ? "rijnmond.md" : /actieplan/.test(q) ? "plan.md" : undefined);
    const answerer = {
      documentNamed: named,
      answer: async (q: string, options: { withoutDocuments?: readonly string[] } = {}): Promise<AnswerResult> => {
        asked.push({ question: q, ...(options.withoutDocuments ? { without: options.withoutDocuments } : {}) });
        if (q === question) return { ...answered("“Pleegzorg is de voorkeursvorm.” [1]"), sources: [{ ...source, documentId: "rijnmond.md" }] };
        if (options.withoutDocuments?.includes("rijnmond.md")) return { status: "abstained", text: "Geen antwoord.", mode: "none", sources: [], moreSources: [] };
        if (options.withoutDocuments) return { ...answered("“Gemeenten kopen verblijf regionaal in.” [1]"), sources: [{ ...source, documentId: "rijnmond.md" }] };
        return { ...answered("“Een podcast voor gezinshuisouders.” [1]"), sources: [{ ...source, documentId: "plan.md" }] };
      },
    };
    const store = new MemoryKeyValueStore();
    const regionOf: Record<string, string> = { "plan.md": "landelijk", "rijnmond.md": "Rijnmond" };
    const regions = { served: () => undefined, documentRegion: (id: string) => regionOf[id], regions: () => ["landelijk", "Rijnmond"], documents: () => Object.keys(regionOf) };
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600), regions);
    await handler.question(address, question);
    const reply = await handler.question(address, "en wie betaalt dat dan?");
    expect(asked[1]!.without).toEqual(["plan.md"]);
    expect(texts(reply.parts)).toContain("“Gemeenten kopen verblijf regionaal in.” [1]");
    expect(texts(reply.parts).join("\n")).not.toContain("podcast");
    // A follow-up that names a document of its own is not held to the one before.
    asked.length = 0;
    await handler.question(address, "en wat zegt het actieplan erover?");
    expect(asked.some((a) => a.without?.includes("plan.md"))).toBe(false);
  });

  it("leaves an acknowledgement in front out of a follow-up ('top, en bij een OTS?'), and keeps a message that is nothing else", () => {
    expect(withoutAcknowledgement("top, en bij een OTS?")).toBe("en bij een OTS?");
    expect(withoutAcknowledgement("ok!")).toBe("ok!");
    expect(withoutAcknowledgement("goed werk van het wijkteam")).toBe("goed werk van het wijkteam");
    // A greeting in front too (new-user try: "hoi, wat houdt die nieuwe werkwijze … in?" was not read as asking what it is).
    expect(withoutAcknowledgement("hoi, wat houdt die nieuwe werkwijze in?")).toBe("wat houdt die nieuwe werkwijze in?");
    expect(withoutAcknowledgement("hallo wat is een spoedberaad?")).toBe("wat is een spoedberaad?");
    expect(withoutAcknowledgement("dag zeggen tegen de groep")).toBe("dag zeggen tegen de groep");
    // Words that open a new topic, so "daarvan" does not make it a follow-up (second new-user try of the thirty-seventh session).
    expect(withoutAcknowledgement("los daarvan: welke stappen heeft casusregie in rijnmond?")).toBe("welke stappen heeft casusregie in rijnmond?");
    expect(withoutAcknowledgement("ander onderwerp. wat zegt het actieplan over separeren?")).toBe("wat zegt het actieplan over separeren?");
    expect(withoutAcknowledgement("ok, iets anders: wat is een GVA?")).toBe("wat is een GVA?");
  });

  it("asks a follow-up that names its own subject on its own when, read with the previous question, it finds only that answer again", async () => {
    const first = "wanneer moet ik een casus inbrengen bij het servicepunt?";
    const own = "en wanneer ga ik naar het expertteam ipv het servicepunt?";
    const { answerer, handler } = handlerWith({
      [first]: "“Op tijd inbrengen bij Servicepunt.” [1]",
      [withPrevious(first, own)]: "“Op tijd inbrengen bij Servicepunt.” [1]",
      [own]: "“Het Expertteam denkt mee bij complexe zorgvragen.” [1]",
    });
    await handler.question(address, first);
    const reply = await handler.question(address, own);
    expect(answerer.asked).toEqual([first, withPrevious(first, own), own]);
    expect(texts(reply.parts)).toEqual(["“Het Expertteam denkt mee bij complexe zorgvragen.” [1]"]);
    // One that points back is not asked alone: there is nothing new.
    const back = "en wie beslist dat dan?";
    const { answerer: second, handler: other } = handlerWith({ [first]: "“Op tijd.” [1]", [withPrevious(first, back)]: "“Op tijd.” [1]", [back]: "“Iets anders.” [1]" });
    await other.question(address, first);
    const nothing = await other.question(address, back);
    // (Read twice with the previous question: the second time beyond the sections already quoted.)
    expect(second.asked).toEqual([first, withPrevious(first, back), withPrevious(first, back)]);
    expect(texts(nothing.parts).join(" ")).toMatch(/vind ik niet in de plandocumenten/);
    // Nor a condition on the previous question: it asks nothing of its own.
    const condition = "en als er geen ots is?";
    const { answerer: third, handler: another } = handlerWith({ [first]: "“Op tijd.” [1]", [withPrevious(first, condition)]: "“Op tijd.” [1]", [condition]: "“Matching en plaatsing.” [1]" });
    await another.question(address, first);
    await another.question(address, condition);
    expect(third.asked).toEqual([first, withPrevious(first, condition), withPrevious(first, condition)]);
  });
  it("shows a follow-up only the quotes the previous answer did not, with their sources numbered from 1", async () => {
    const first = "wat zegt het actieplan over de afbouw?";
    const follow = "en wanneer moet dat klaar zijn?";
    const other = { n: 2, documentId: "werkwijze.md", documentTitle: "Werkwijze", section: "Ontwikkelingen", quote: "Half 2027 afgebouwd." };
    const asked: string[] = [];
    const answerer = {
      answer: async (question: string): Promise<AnswerResult> => {
        asked.push(question);
        return question === first
          ? { status: "answered", text: "“Minder plaatsen.” [1]", mode: "extractive", sources: [source], moreSources: [] }
          : { status: "answered", text: "“Minder plaatsen.” [1]\n- Half 2027 afgebouwd. [2]", mode: "extractive", sources: [source, other], moreSources: [] };
      },
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, first);
    const reply = await handler.question(address, follow);
    // The date is another document's: said, so it is not read as the plan's.
    expect(texts(reply.parts)).toEqual([`Ik lees dit als vervolg op je vorige vraag: „${first}”`, "Let op: dit komt uit een ander document dan mijn vorige antwoord („Plan”).", "- Half 2027 afgebouwd. [1]"]);
    expect(reply.parts.find((p) => p.kind === "sources")).toMatchObject({ sources: [{ ...other, n: 1 }] });
  });

  it("gives a source of a follow-up the quote the follow-up shows from it, not the one it no longer shows", async () => {
    // New-user try: "en gezinshuizen?" quoted one sentence, and its source in the list another.
    const first = "willen ze meer pleegzorg?";
    const sameSection = { ...source, quote: "Pleegzorg is de beste vorm van verblijf." };
    const answerer = {
      answer: async (question: string): Promise<AnswerResult> =>
        question === first
          ? { status: "answered", text: "“Pleegzorg is de beste vorm van verblijf.” [1]", mode: "extractive", sources: [sameSection], moreSources: [] }
          : { status: "answered", text: "“Pleegzorg is de beste vorm van verblijf.” [1]\n“Gezinshuizen zijn een goed alternatief.” [1]", mode: "extractive", sources: [sameSection], moreSources: [] },
    };
    const store = new MemoryKeyValueStore();
    const handler = new AskHandler(answerer, new AnswerLog(store), new FollowUpMemory(store, 600));
    await handler.question(address, first);
    const reply = await handler.question(address, "en gezinshuizen?");
    expect(texts(reply.parts)).toContain("“Gezinshuizen zijn een goed alternatief.” [1]");
    expect(reply.parts.find((p) => p.kind === "sources")).toMatchObject({ sources: [{ n: 1, quote: "Gezinshuizen zijn een goed alternatief." }] });
  });
});
