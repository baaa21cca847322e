import { describe, expect, it } from "vitest";
import type { ConversationAddress } from "../../src/bot/incoming.js";
import { asksForSource, FollowUpMemory, isFollowUp, answersAsBefore, withPrevious, mayStandAlone, withTermSwapped } from "../../src/handlers/ask/followUp.js";
import { MemoryKeyValueStore } from "../../src/stores/memoryKeyValueStore.js";

const address = (over: Partial<ConversationAddress> = {}): ConversationAddress => ({ surface: "web", userId: "u1", conversationId: "c1", ...over });

describe("isFollowUp", () => {
  it("takes a short message that goes on from the previous one", () => {
    // "het" before a closing participle is a pronoun, and an opening clause that points back goes on from before (first new-user try of the fortieth session).
    for (const text of ["en als het gewoon vrijwillige hulp is?", "En bij een OTS?", "hoe zit het dan met pleegzorg?", "maar waarom dan?", "ook voor pleegzorg?", "geldt dat ook in Drenthe?", "en als het vrijwillig is, wie heeft dan de regie?", "en wat is daarvan de planning, wanneer moet het gestopt zijn?"]) {
      expect(isFollowUp(text), text).toBe(true);
    }
  });

  it("takes a longer message that opens with a connective when it points back ('dan tegen die tijd')", () => {
    expect(isFollowUp("En wat moet er dan tegen die tijd allemaal geregeld zijn voor jongeren die toch een machtiging krijgen?")).toBe(true);
    expect(isFollowUp("en wat gebeurt er met de jongere als die machtiging er niet komt, wie beslist dat?")).toBe(true);
  });

  it("takes a short question without a connective that speaks of 'that' as a thing of its own", () => {
    for (const text of ["ok, wie betaalt dat?", "hoe is dit geregeld in regio utrecht?", "wie betaalt dat?", "hoe lang duurt dat dan?", "wat staat daarover in de regiovisie?", "hoe pakken ze dit in utrecht of twente aan?", "staat dat ook in de regiovisie?", "wie stelt die op dan?", "wie is daar verantwoordelijk voor?", "wat staat hier over in?", "hoe kom ik daar terecht", "hoe kom ik daar binnen?", "hoe willen ze dat bereiken?", "wie gaat dat betalen dan?", "waarom is dat zo veel?", "waarom gebeurt dat niet?", "waarom is dat een probleem?", "en waarom is dat nodig?", "waarom is dat eigenlijk een probleem?", "wanneer moet dat klaar zijn?", "wanneer moet dat af zijn?", "stopt het wijkteam dan?"]) {
      expect(isFollowUp(text), text).toBe(true);
    }
  });

  it("takes a short question with 'dan' after its verb, not 'dan' after a comparative", () => {
    for (const text of ["kan de GI dan nog wel meedenken?", "wat moet ik dan doen?", "is de jeugdzorgplus dan gesloten?", "wat is er voor die groep dan nodig?"]) expect(isFollowUp(text), text).toBe(true);
    for (const text of ["duurt een machtiging meer dan zes weken?", "is een jongere ouder dan 18?", "wat is er anders dan vroeger?", "wanneer is een spoedberaad nodig en wat doet het expertteam dan precies voor de jongere?"]) {
      expect(isFollowUp(text), text).toBe(false);
    }
  });

  it("takes a short question with 'ermee', 'ervan' pointing back, not 'er' ahead of what it points to", () => {
    expect(isFollowUp("wat willen ze ermee bereiken")).toBe(true);
    expect(isFollowUp("wie gaat ervan profiteren?")).toBe(true);
    expect(isFollowUp("hoe zorgen we ervoor dat kinderen thuis blijven?")).toBe(false);
    expect(isFollowUp("wat is erop tegen om te separeren?")).toBe(false);
  });

  it("takes a question word with nothing to ask about ('hoe snel?', 'waarom?')", () => {
    for (const text of ["hoe snel?", "hoe lang dan?", "waarom?", "en wie?", "wanneer precies?"]) {
      expect(isFollowUp(text), text).toBe(true);
    }
    for (const text of ["hoe snel kan een spoedmachtiging?", "waarom een VA?"]) expect(isFollowUp(text), text).toBe(false);
  });

  it("leaves a question that stands on its own alone, also a long one that opens with 'en'", () => {
    for (const text of [
      "wat doet het expertteam?",
      "bij een OTS, bij wie ligt de casusregie?",
      "En wat is volgens het actieplan de rol van het NJi bij het verspreiden van kennis?",
      "en",
      "endocrinologie?",
      "klopt het dat de plekken verdwijnen?",
      "klopt het dat in rijnmond de GI beslist?",
      "hoeveel jongeren die geplaatst zijn krijgen een VA?",
      "wat is het OZJ precies en wie zitten daarin?",
      "wat is dat plan voor kwetsbare jongeren eigenlijk?",
      "hoe is dit geregeld in de regio Groningen en Drenthe volgens het nieuwe plan?",
      "wat als het echt acuut is, hoe werkt een spoedmachtiging",
      "en als het spoed heeft, wie organiseert het spoedberaad?",
      "hoe zit het met de machtiging voor gesloten plaatsing, wie vraagt die aan",
      "wat is dat servicepunt, wanneer schakel ik die in?",
      // "daar" in the second question points at the first (new-user try of the forty-sixth session).
      "en wat wil het rijk landelijk met de gesloten jeugdzorg? en zit daar een jaartal aan vast?",
      // A demonstrative with the thing it names says what the message is about (same try).
      "en dat servicepunt uit de route, wat doet dat precies? en hoe bereik ik ze in drenthe?",
      "weet je dat jongeren weglopen?",
      "hoe zorg je dat ouders meedoen?",
      "wat betekent dat een jongere geen analyse heeft?",
      "waarom is dat plan er gekomen?",
    ]) {
      expect(isFollowUp(text), text).toBe(false);
    }
  });
});

describe("withPrevious", () => {
  it("puts the follow-up after the previous question, which ends as a question", () => {
    expect(withPrevious("bij wie ligt de casusregie bij een OTS", "en bij vrijwillige hulp?")).toBe("bij wie ligt de casusregie bij een OTS? en bij vrijwillige hulp?");
    expect(withPrevious("wat doet het expertteam? ", "en het servicepunt?")).toBe("wat doet het expertteam? en het servicepunt?");
  });
});

describe("FollowUpMemory", () => {
  it("keeps the last question per person and conversation, and per thread", async () => {
    const memory = new FollowUpMemory(new MemoryKeyValueStore(), 600);
    await memory.remember(address(), "bij wie ligt de casusregie bij een OTS?", "“… komt de casusregie bij de GI te liggen.” [1]");
    expect((await memory.previous(address()))?.question).toBe("bij wie ligt de casusregie bij een OTS?");
    expect(await memory.previous(address({ userId: "u2" }))).toBeUndefined();
    expect(await memory.previous(address({ conversationId: "c2" }))).toBeUndefined();
    expect(await memory.previous(address({ threadId: "t1" }))).toBeUndefined();
    expect(await memory.previous(address({ surface: "slack" }))).toBeUndefined();
  });

  it("forgets the question after its time", async () => {
    let now = 0;
    const memory = new FollowUpMemory(new MemoryKeyValueStore(() => now), 600);
    await memory.remember(address(), "wat doet het expertteam?", "“Het expertteam helpt.” [1]");
    now = 599_000;
    expect((await memory.previous(address()))?.question).toBe("wat doet het expertteam?");
    now = 601_000;
    expect(await memory.previous(address())).toBeUndefined();
  });

  it("keeps no personal data the privacy filter finds, not even a placeholder", async () => {
    const memory = new FollowUpMemory(new MemoryKeyValueStore(), 600);
    await memory.remember(address(), "moeder mailt vanaf j.jansen@example.org, wat moet ik doen bij een spoedmachtiging?", "“Bel het Servicepunt.” [1]");
    const kept = (await memory.previous(address()))?.question;
    expect(kept).toContain("spoedmachtiging");
    expect(kept).not.toContain("example.org");
    expect(kept).not.toContain("verwijderd");
  });

  it("replaces the question before with one that was not answered, kept as refused with nothing of an answer", async () => {
    const memory = new FollowUpMemory(new MemoryKeyValueStore(), 600);
    await memory.remember(address(), "wat doet het expertteam?", "“Het expertteam helpt.” [1]", [{ n: 1, documentId: "plan.md", documentTitle: "Plan", section: "1", quote: "Het expertteam helpt." }]);
    await memory.remember(address(), "tel nr van het servicepunt in groningen?", "");
    expect(await memory.previous(address())).toEqual({ question: "tel nr van het servicepunt in groningen?", lead: "", refused: true });
  });

  it("keeps nothing when switched off (0 minutes)", async () => {
    const memory = new FollowUpMemory(new MemoryKeyValueStore(), 0);
    await memory.remember(address(), "wat doet het expertteam?", "“Het expertteam helpt.” [1]");
    expect(await memory.previous(address())).toBeUndefined();
  });
});

describe("answersAsBefore", () => {
  it("tells an answer that leads with the previous answer's first quote, whatever its citation number, or repeats its quotes", async () => {
    const memory = new FollowUpMemory(new MemoryKeyValueStore(), 600);
    await memory.remember(address(), "wat willen ze bereiken?", "“De nieuwe werkwijze heeft betrekking op Groningen.” [1]\n“Iets anders.” [2]");
    const kept = (await memory.previous(address()))!;
    // Of the answer, fingerprints of its quotes are kept, its first quote (for "kun je dat korter
    // zeggen?") and its quotes as shown (for "vertel eens meer"): document text, without the
    // citation markers, capped in length.
    expect(kept.shortest).toEqual({ text: "“De nieuwe werkwijze heeft betrekking op Groningen.”", n: 1 });
    expect(kept.shown).toBe("“De nieuwe werkwijze heeft betrekking op Groningen.”\n“Iets anders.”");
    await memory.remember(address({ conversationId: "long" }), "wat staat erin?", `“${"woord ".repeat(1000).trim()}.” [1]`);
    expect((await memory.previous(address({ conversationId: "long" })))!.shown!.length).toBe(3000);
    expect(answersAsBefore("“De nieuwe werkwijze heeft betrekking op Groningen.” [2]\n“Nog iets.” [1]", kept)).toBe(true);
    expect(answersAsBefore("“Half 2027 zijn de plekken afgebouwd.” [1]", kept)).toBe(false);
    // The same quotes in another order are nothing new either; one new quote among them is.
    expect(answersAsBefore("“Iets anders.” [1]\n“De nieuwe werkwijze heeft betrekking op Groningen.” [2]", kept)).toBe(true);
    expect(answersAsBefore("“Iets anders.” [1]\n“Half 2027 zijn de plekken afgebouwd.” [2]", kept)).toBe(false);
    expect(answersAsBefore("", kept)).toBe(false);
    // A list under the same lead-in, with another item first, is another quote.
    await memory.remember(address(), "bij wie ligt de casusregie?", "“Daar spreken we af:”\n- bij een OTS de GI;\n- bij vrijwillige hulp het wijkteam. [1]");
    const list = (await memory.previous(address()))!;
    expect(answersAsBefore("“Daar spreken we af:”\n- bij vrijwillige hulp het wijkteam;\n- bij een OTS de GI. [1]", list)).toBe(false);
    expect(answersAsBefore("“Daar spreken we af:”\n- bij een OTS de GI;\n- bij vrijwillige hulp het wijkteam. [2]\n“Meer.” [1]", list)).toBe(true);
    // The same first item, with the items after it in another order, is the same quote.
    await memory.remember(address(), "bij wie ligt de casusregie?", "“Daar spreken we af:”\n- bij vrijwillige hulp het wijkteam;\n- bij acuut geweld Veilig Thuis;\n- bij een OTS de GI; [1]");
    const three = (await memory.previous(address()))!;
    expect(answersAsBefore("“Daar spreken we af:”\n- bij vrijwillige hulp het wijkteam;\n- bij een OTS de GI;\n- bij acuut geweld Veilig Thuis; [1]", three)).toBe(true);
    expect(answersAsBefore("“Daar spreken we af:”\n- bij een OTS de GI;\n- bij vrijwillige hulp het wijkteam;\n- bij acuut geweld Veilig Thuis; [1]", three)).toBe(false);
  });
});

describe("asksForSource", () => {
  it("reads a short question about where the previous answer comes from, not a question of its own", () => {
    for (const text of ["waar staat dat precies?", "waar lees ik dat?", "Wat is de bron?", "uit welk document komt dat?", "in welk stuk staat dit?", "waar heb je dat vandaan?", "bron?", "en waar staat dat dan?", "welke bronnen?"]) {
      expect(asksForSource(text), text).toBe(true);
    }
    for (const text of ["waar staat de gedeelde verklarende analyse in de route?", "waar kan ik terecht met een consultvraag?", "wat is de bron van de cijfers over spoedmachtigingen in groningen en drenthe precies?", "welke documenten ken jij?", "welke bronnen gebruik je?", "wat zijn je bronnen?"]) {
      expect(asksForSource(text), text).toBe(false);
    }
  });
});

describe("mayStandAlone", () => {
  it("reads a follow-up that names its own subject alone, not one whose 'het' is a pronoun before its participle", () => {
    expect(mayStandAlone("en wanneer ga ik naar het expertteam?")).toBe(true);
    expect(mayStandAlone("en wie heeft het plan opgesteld?")).toBe(true);
    expect(mayStandAlone("en wie heeft het opgesteld?")).toBe(false);
    expect(mayStandAlone("en wanneer wordt het ingevoerd?")).toBe(false);
  });
});

describe("withTermSwapped", () => {
  it("asks the previous question about the term of a bare follow-up (new-user try of the forty-seventh session)", () => {
    expect(withTermSwapped("wat doet het servicepunt precies", "en het expertteam?")).toBe("wat doet het expertteam precies");
    expect(withTermSwapped("wat is een GVA?", "en een INT?")).toBe("wat is een INT?");
  });
  it("leaves a follow-up that asks more, points back, or goes on from a question that asks no term", () => {
    expect(withTermSwapped("wat doet het servicepunt precies", "en wie betaalt dat?")).toBeUndefined();
    expect(withTermSwapped("wat doet het servicepunt precies", "en dan?")).toBeUndefined();
    expect(withTermSwapped("wat doet het servicepunt precies", "en daarna?")).toBeUndefined();
    expect(withTermSwapped("hoeveel jongeren worden met spoed geplaatst?", "en het expertteam?")).toBeUndefined();
  });
});
