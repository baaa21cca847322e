import { describe, expect, it } from "vitest";
import { topicAsked } from "../../src/knowledge/analysis/topicAsked.js";

describe("topicAsked", () => {
  it("reads the topic of a question for what the documents say about it", () => {
    expect(topicAsked("wat staat er in het actieplan over separeren?")).toBe("separeren");
    expect(topicAsked("Wat zegt de regiovisie over pleegzorg?")).toBe("pleegzorg");
    expect(topicAsked("vertel eens over casusregie")).toBe("casusregie");
    expect(topicAsked("wat weet je over het servicepunt, en wie zit daar?")).toBe("het servicepunt");
  });

  it("reads the topic of a question for the agreements, plans or goals on it", () => {
    // New-user try of the forty-ninth session: answered with an item of the OZJ's tasks, not §5.1.2.
    expect(topicAsked("wat zijn de afspraken in het actieplan over stoppen met separeren?")).toBe("stoppen met separeren");
    expect(topicAsked("wat is het beleid over pleegzorg?")).toBe("pleegzorg");
    expect(topicAsked("wat zijn de doelen van rijnmond over verblijf")).toBe("verblijf");
    // Not a question about someone's role or a thing's number.
    expect(topicAsked("wat is de rol van het OZJ over de regio's?")).toBeUndefined();
  });

  it("finds none in a question that asks something else", () => {
    expect(topicAsked("wie beslist over een spoedmachtiging?")).toBeUndefined();
    expect(topicAsked("wat is een GVA?")).toBeUndefined();
    expect(topicAsked("hoe denkt rijnmond over pleegzorg?")).toBeUndefined();
  });
});
