import { describe, expect, it } from "vitest";
import type { SourceCitation } from "../../src/bot/reply.js";
import { withDocumentPointedAt } from "../../src/handlers/ask/documentPointedAt.js";

const source = (documentId: string, documentTitle: string, shortTitle?: string): SourceCitation => ({ n: 1, documentId, documentTitle, shortTitle, section: "1", quote: "…" });
const werkwijze = source("werkwijze.md", "Zo thuis mogelijk: nieuwe werkwijze plaatsing in de JeugdzorgPlus", "Nieuwe werkwijze plaatsing in de JeugdzorgPlus");
const actieplan = source("actieplan.md", "De best passende zorg voor kwetsbare jongeren");

describe("withDocumentPointedAt", () => {
  it("names the document the previous answer came from where the question points at it by a word of its title", () => {
    expect(withDocumentPointedAt("wat moet er nog georganiseerd worden voor die werkwijze?", [werkwijze])).toBe(
      "wat moet er nog georganiseerd worden voor de Nieuwe werkwijze plaatsing in de JeugdzorgPlus?",
    );
    // By a word for any document, the title's own article not doubled; by a kind its title ends in ("regiovisie").
    expect(withDocumentPointedAt("wat zegt dat plan over pleegzorg?", [actieplan])).toBe("wat zegt de best passende zorg voor kwetsbare jongeren over pleegzorg?");
    expect(withDocumentPointedAt("wat is het doel van die visie?", [source("r.md", "Nabij en passend: regiovisie jeugdhulp regio Rijnmond")])).toBe("wat is het doel van de Nabij en passend: regiovisie jeugdhulp regio Rijnmond?");
  });

  it("reads 'daar' in 'stond daar iets over …?' as that document, named by its kind where that names it", () => {
    // New-user try of the forty-second session: read with the question before, a line from another document came.
    expect(withDocumentPointedAt("stond daar niet iets over een wethouder?", [werkwijze], () => "de presentatie")).toBe("stond in de presentatie niet iets over een wethouder?");
    expect(withDocumentPointedAt("staat er daar ook iets over suicide?", [actieplan])).toBe("staat er in de best passende zorg voor kwetsbare jongeren ook iets over suicide?");
    // "daar" with its preposition points at a thing, not at the document ("staat daar iets over in?" asks about the answer).
    expect(withDocumentPointedAt("wat staat daarover in de regiovisie?", [werkwijze])).toBeUndefined();
    expect(withDocumentPointedAt("staat daar iets over in?", [werkwijze])).toBeUndefined();
  });

  it("leaves a question alone that points at something else, or when the previous answer quoted several documents", () => {
    expect(withDocumentPointedAt("wat moet er nog georganiseerd worden voor die jongeren?", [werkwijze])).toBeUndefined();
    // A word of the title that is no word for a document: "die jongeren", "deze zorg".
    expect(withDocumentPointedAt("wat gebeurt er met die jongeren?", [actieplan])).toBeUndefined();
    expect(withDocumentPointedAt("wie betaalt deze zorg?", [actieplan])).toBeUndefined();
    // A kind its title does not name.
    expect(withDocumentPointedAt("wat staat er in die werkwijze?", [actieplan])).toBeUndefined();
    expect(withDocumentPointedAt("wat moet er gebeuren in de werkwijze?", [werkwijze])).toBeUndefined();
    expect(withDocumentPointedAt("wat moet er nog georganiseerd worden voor die werkwijze?", [werkwijze, actieplan])).toBeUndefined();
    expect(withDocumentPointedAt("wat moet er nog georganiseerd worden voor die werkwijze?", [])).toBeUndefined();
  });
});
