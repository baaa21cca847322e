import { describe, expect, it } from "vitest";
import { DocumentAcronyms, definedAcronyms } from "../../src/knowledge/analysis/documentAcronyms.js";

describe("definedAcronyms", () => {
  it("reads the abbreviations a text defines, with the words right before the brackets that spell them", () => {
    const text = [
      "De gemeenten Maasluis, Vlaardingen en Schiedam (MVS) nemen een bijzondere positie in.",
      "Met steun van het ondersteuningsteam Zorg voor de Jeugd (OZJ) en de **Norm voor Opdrachtgeverschap** (NvO).",
      "Ook de Wet maatschappelijke ondersteuning (Wmo) telt mee.",
      "Het Algemeen Bestuur (hierna AB) besloot.",
    ].join("\n");
    expect(Object.fromEntries(definedAcronyms(text))).toEqual({
      MVS: "Maasluis Vlaardingen en Schiedam",
      OZJ: "ondersteuningsteam Zorg voor de Jeugd",
      NvO: "Norm voor Opdrachtgeverschap",
      Wmo: "Wet maatschappelijke ondersteuning",
      AB: "Algemeen Bestuur",
    });
  });

  it("skips brackets whose letters the words before them do not spell", () => {
    expect(definedAcronyms("Zorg onder de GGZ (BOPZ) en een lijst (Nul) en (AAN).").size).toBe(0);
  });
});

describe("DocumentAcronyms", () => {
  it("gives the words of each defined abbreviation a line uses as a whole word", () => {
    const acronyms = new DocumentAcronyms(new Map([["MVS", "Maasluis Vlaardingen en Schiedam"], ["INT", "Integraal Netwerkversterkend Team"]]));
    expect(acronyms.spelledOutIn("Per 2023 kopen de MVS-gemeenten zelf in.")).toEqual(["Maasluis Vlaardingen en Schiedam"]);
    expect(acronyms.spelledOutIn("Het INTERNE overleg en de MVSgemeenten.")).toEqual([]);
  });
});
