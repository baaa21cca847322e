import { describe, expect, it } from "vitest";
import { topicAsked } from "../../src/knowledge/analysis/topicAsked.js";

describe("topicAsked", () => {
  it("reads the topic of a question for what the documents say about it", () => {
    expect(topicAsked("wat staat er in het actieplan over separeren?")).toBe("separeren");
    expect(topicAsked("Wat zegt de regiovisie over pleegzorg?")).toBe("pleegzorg");
    expect(topicAsked("vertel eens over casusregie")).toBe("casusregie");
    expect(topicAsked("wat weet je over het servicepunt, en wie zit daar?")).toBe("het servicepunt");
  });

  it("finds none in a question that asks something else", () => {
    expect(topicAsked("wie beslist over een spoedmachtiging?")).toBeUndefined();
    expect(topicAsked("wat is een GVA?")).toBeUndefined();
    expect(topicAsked("hoe denkt rijnmond over pleegzorg?")).toBeUndefined();
  });
});
