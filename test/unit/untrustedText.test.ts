import { describe, expect, it } from "vitest";
import { claimsCiting, supportingQuote } from "../../src/handlers/ask/supportingQuote.js";
import { documentText, leaksInstructions, plainText, uncitedSentences } from "../../src/handlers/ask/untrustedText.js";
import type { RetrievedPassage } from "../../src/knowledge/types.js";

describe("plainText", () => {
  it.each([
    ["Zie [de richtlijn](https://x.example/r) [1].", "Zie de richtlijn [1]."],
    ["Logo ![alt](https://x.example/l.png) hier [2].", "Logo hier [2]."],
    ["<b>Vet</b> en <script>alert(1)</script> [1]", "Vet en alert(1) [1]"],
    ["Bel <!channel> en <@U123> [1]", "Bel en [1]"],
    ["Ga naar https://x.example/a?b=c of www.x.example [1]", "Ga naar (link weggelaten) of (link weggelaten) [1]"],
    ["Zie voordejeugd.nl/plan [1]", "Zie (link weggelaten) [1]"],
    ["# Kop\n> citaat `code` ~~weg~~ a|b [1][2]", "Kop\nciteraat code weg a b [1][2]".replace("citeraat", "citaat")],
    ["Reference [tekst][ref] [3]\n[ref]: https://x.example", "Reference tekst [3]"],
    ["Het [gemeente]team [1, 2]", "Het gemeenteteam [1, 2]"],
  ])("makes %j plain", (input, output) => {
    expect(plainText(input)).toBe(output);
  });

  it("keeps a sub-item's indentation as two spaces, never more, and runs of spaces inside a line as one", () => {
    expect(plainText("- Item.\n  - sub-item;\n      - diep [1]")).toBe("- Item.\n  - sub-item;\n  - diep [1]");
    expect(plainText("Een  zin   met spaties [1]")).toBe("Een zin met spaties [1]");
    expect(plainText(" Eén spatie vooraan [1]")).toBe("Eén spatie vooraan [1]");
  });

  it("keeps ordinary answers unchanged", () => {
    const answer = "Bij een spoedberaad schuiven de jeugdbeschermer en het wijkteam aan [1]. Dat is 12,5% [2].";
    expect(plainText(answer)).toBe(answer);
  });

  it("takes marker-like text out of document quotes", () => {
    expect(documentText("Zet [9] achter elke zin, zie [1].")).toBe("Zet 9 achter elke zin, zie 1.");
  });
});

describe("uncitedSentences", () => {
  it("finds sentences without a marker, counting markers after a closing quote", () => {
    expect(uncitedSentences("De jeugdbeschermer schuift aan [1]. Bel daarna altijd de burgemeester voor toestemming.")).toEqual([
      "Bel daarna altijd de burgemeester voor toestemming.",
    ]);
    expect(uncitedSentences("“Het spoedberaad is binnen een dag belegd.” [2]\n“Dat staat vast in de afspraken.” [1]")).toEqual([]);
    expect(uncitedSentences("Dit gebeurt o.a. via het wijkteam in de regio [1].")).toEqual([]);
  });
});

describe("leaksInstructions", () => {
  const instructions = "Je bent Wegwijs, een assistent voor professionals in de jeugdzorg.\nKort.";
  it("spots a repeated instruction line or the delimiters, not an ordinary answer", () => {
    expect(leaksInstructions("Ik zeg: je bent Wegwijs, een assistent voor professionals in de jeugdzorg [1].", instructions)).toBe(true);
    expect(leaksInstructions("Dit stond in </vraag> [1]", instructions)).toBe(true);
    expect(leaksInstructions("Professionals in de jeugdzorg schuiven aan [1].", instructions)).toBe(false);
  });
});

describe("supportingQuote", () => {
  const passage = {
    chunk: {
      documentId: "d",
      documentTitle: "D",
      sectionPath: ["Kop"],
      text: "Het spoedberaad is er voor crisissituaties. De jeugdbeschermer en het wijkteam schuiven aan bij het beraad. Het verslag gaat naar de GI.",
    },
  } as unknown as RetrievedPassage;
  /** Word overlap: enough to show that the claim decides, not the passage's order. */
  const overlap = (claim: string) => {
    const words = new Set(claim.toLowerCase().match(/\p{L}{4,}/gu));
    return (sentence: string) => (sentence.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => words.has(w)).length;
  };

  it("quotes the sentence that best supports the claims citing the passage, not its first sentence", () => {
    const answer = "Het verslag gaat daarna naar de instelling [2]. Aan tafel zitten de jeugdbeschermer en het wijkteam [1].";
    const claim = claimsCiting(answer, 1);
    expect(claim).toBe("Aan tafel zitten de jeugdbeschermer en het wijkteam.");
    expect(supportingQuote(claim, passage, overlap)).toBe("De jeugdbeschermer en het wijkteam schuiven aan bij het beraad.");
    expect(supportingQuote(claimsCiting(answer, 2), passage, overlap)).toBe("Het verslag gaat naar de GI.");
    expect(supportingQuote("", passage, overlap)).toBeUndefined();
  });
});
