import { describe, expect, it } from "vitest";
import { asksNationalPlans, withoutNationalPlans } from "../../src/handlers/ask/otherRegion.js";

describe("a question for the national plans", () => {
  it("is one that asks for the national documents, not one about a thing that is national", () => {
    expect(asksNationalPlans("wat zeggen de landelijke plannen over pleegzorg?")).toBe(true);
    expect(asksNationalPlans("wat is op landelijk niveau de aanpak voor wachttijden?")).toBe(true);
    expect(asksNationalPlans("wie is de landelijk ambassadeur voor complexe casuïstiek?")).toBe(false);
    expect(asksNationalPlans("bij welke landelijke agenda sluit de nieuwe werkwijze aan?")).toBe(false);
  });

  it("is searched without the word that asks for them", () => {
    expect(withoutNationalPlans("wat zeggen de landelijke plannen over pleegzorg?")).toBe("wat zeggen de plannen over pleegzorg?");
    expect(withoutNationalPlans("wat is op landelijk niveau de aanpak voor wachttijden?")).toBe("wat is de aanpak voor wachttijden?");
  });
});
