import { describe, expect, it } from "vitest";
import { typedTick } from "../../src/handlers/spoedberaad/typedTick.js";

describe("typed checklist changes", () => {
  it.each([
    ["vink punt 3 af", [3], "done"],
    ["Vink 3 en 4 af.", [3, 4], "done"],
    ["punt 3 is klaar", [3], "done"],
    ["punten 2, 5 en 6 gedaan!", [2, 5, 6], "done"],
    ["3 klaar", [3], "done"],
    ["punt 4 nvt", [4], "nvt"],
    ["punt 4 is n.v.t.", [4], "nvt"],
    ["item 4 niet van toepassing", [4], "nvt"],
    ["punt 4 weer open", [4], "open"],
    ["heropen punt 4", [4], "open"],
    ["punt 7 is ook klaar", [7], "done"],
    ["punt 2 staat inmiddels op klaar", [2], "done"],
  ])("reads %j as items %j set to %s", (text, numbers, state) => {
    expect(typedTick(text)).toEqual({ numbers, state });
  });

  it("keeps a remark after the change as its note", () => {
    expect(typedTick("punt 1 klaar, moeder en meid zijn gehoord")).toEqual({ numbers: [1], state: "done", remark: "moeder en meid zijn gehoord" });
    expect(typedTick("punt 3 nvt - school doet al mee.")).toEqual({ numbers: [3], state: "nvt", remark: "school doet al mee" });
    // Taking an item on (second new-user try of the twenty-seventh session: read as a question).
    expect(typedTick("ik pak punt 2 op, analyse schrijf ik voor vrijdag")).toEqual({ numbers: [2], state: "claim", remark: "analyse schrijf ik voor vrijdag" });
    expect(typedTick("neem 3 en 4")).toEqual({ numbers: [3, 4], state: "claim" });
    expect(typedTick("punt 5 pak ik op")).toEqual({ numbers: [5], state: "claim" });
    expect(typedTick("punt 6 is voor mij")).toEqual({ numbers: [6], state: "claim" });
  });

  it.each(["wat is punt 3 van de werkwijze?", "vink af", "hoeveel procent is klaar?", "punt 3 is lastig", "de analyse is klaar", "stap 3 klaar"])(
    "leaves %j to be read as a question",
    (text) => {
      expect(typedTick(text)).toBeUndefined();
    },
  );
});
