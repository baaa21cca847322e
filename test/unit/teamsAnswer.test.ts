import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/bot/reply.js";
import { CITATION_LIMITS, citationMarkers } from "../../src/integrations/teams/teamsCitations.js";
import { parseFeedbackInvoke } from "../../src/integrations/teams/teamsFeedback.js";
import { teamsMessages } from "../../src/integrations/teams/teamsReplies.js";
import { source } from "../support/replySamples.js";

const ANSWER_ID = "6f1c1f7e-5a8e-4a55-9d7d-1c1f7e5a8e4a";

function answer(text: string, generated = false, extra: Reply["parts"] = []): Reply {
  return {
    parts: [
      { kind: "notice", level: "warning", text: "Ik heb een telefoonnummer uit je vraag gehaald." },
      { kind: "text", text, ...(generated ? { generated: true } : {}) },
      { kind: "sources", title: "Bronnen", sources: [source(1), source(2, "x".repeat(400)), source(3)] },
      { kind: "actions", actions: [{ id: "ask.moreSources", label: "Meer bronnen", value: ANSWER_ID }] },
      ...extra,
      { kind: "feedback", answerId: ANSWER_ID },
    ],
  };
}

const messageEntity = (activity: any) => (activity.entities ?? []).find((e: any) => e.type === "https://schema.org/Message");

describe("Teams answers: one message for the answer", () => {
  it("opens the answer message with an info notice that stood above it, instead of a card of its own; a warning stays a card", () => {
    // New-user try in Teams: a notice card, the text, then a card with the buttons, for one answer.
    const reply: Reply = {
      parts: [
        { kind: "notice", level: "info", text: "Ik lees dit als vervolg op je vorige vraag: „wat is een GVA?”" },
        { kind: "text", text: "“In 2027:”\n- Is voor alle jongeren een analyse opgesteld [1]" },
        { kind: "sources", title: "Bronnen", sources: [source(1)] },
        { kind: "actions", actions: [{ id: "ask.moreSources", label: "Meer bronnen", value: ANSWER_ID }] },
        { kind: "feedback", answerId: ANSWER_ID },
      ],
    };
    const activities = teamsMessages(reply) as any[];
    expect(activities).toHaveLength(2);
    expect(activities[0].text).toBe("_Ik lees dit als vervolg op je vorige vraag: „wat is een GVA?”_\n\n“In 2027:”\n\n• Is voor alle jongeren een analyse opgesteld [1]");
    expect(messageEntity(activities[0]).citation.map((c: any) => c.position)).toEqual([1]);
    expect(JSON.stringify(activities[1].attachments)).toContain("Meer bronnen");
    // A warning (personal data taken out) keeps its card above the answer.
    expect(teamsMessages(answer("Het spoedberaad is binnen 24 uur [1]."))).toHaveLength(3);
  });
});

describe("Teams answers: lists whose markers Teams can show as citations", () => {
  it("writes a list of one item as a line of its own, so its marker is a citation pill; longer lists stay lists", () => {
    // Agents Playground: "[1]" stayed text in a one-item list ("In 2027:" with one goal, "3." alone
    // before a bulleted list), and became a pill in lists of two or more items.
    const [, message] = teamsMessages(answer("“In 2027:”\n- Is voor alle jongeren een analyse opgesteld [1]\nTweede helft 2021:\n3. Integreren in de lokale teams [3]\n- Geen samenwerking [1]\n- Te veel partijen [1]")) as any[];
    expect(message.text).toBe(
      "“In 2027:”\n\n• Is voor alle jongeren een analyse opgesteld [1]\n\nTweede helft 2021:\n\n3\\. Integreren in de lokale teams [3]\n\n- Geen samenwerking [1]\n\n- Te veel partijen [1]",
    );
    expect(messageEntity(message).citation.map((c: any) => c.position).sort()).toEqual([1, 3]);
  });
});

describe("Teams answers: text with [n] markers and Citation entities", () => {
  it("sends the answer as a message whose Citation entities match its [n] markers exactly", () => {
    const activities = teamsMessages(answer("Het spoedberaad is binnen 24 uur [1].\nDe gemeente organiseert het [3] [1]."));
    // Warning card, the answer message, then a card with the buttons.
    expect(activities).toHaveLength(3);
    const [warning, message, rest] = activities as any[];
    expect(JSON.stringify(warning.attachments)).toContain("telefoonnummer");
    expect(message.attachments ?? []).toEqual([]);
    expect(message.text).toBe("Het spoedberaad is binnen 24 uur [1].\n\nDe gemeente organiseert het [3] [1].");
    const entity = messageEntity(message);
    expect(entity).toMatchObject({ "@type": "Message", "@context": "https://schema.org", "@id": "" });
    const positions = entity.citation.map((c: any) => c.position).sort();
    expect(positions).toEqual([...new Set(citationMarkers(message.text))].sort());
    expect(positions).toEqual([1, 3]);
    for (const claim of entity.citation) {
      expect(claim["@type"]).toBe("Claim");
      expect(claim.appearance["@type"]).toBe("DigitalDocument");
      expect(claim.appearance.name.length).toBeLessThanOrEqual(CITATION_LIMITS.name);
      expect(claim.appearance.abstract.length).toBeLessThanOrEqual(CITATION_LIMITS.abstract);
      expect(claim.appearance.abstract).toContain("spoedberaad");
    }
    // Teams' own feedback loop on the answer; no AI label on quoted text.
    expect(message.channelData).toEqual({ feedbackLoopEnabled: true });
    expect(entity.additionalType).toBeUndefined();
    // Source 2 was not cited, so the sources list stays in the card with "Meer bronnen".
    expect(JSON.stringify(rest.attachments)).toContain("Meer bronnen");
    expect(JSON.stringify(rest.attachments)).toContain("Bronnen");
  });

  it("drops a sources card whose every source is a citation, and markers without a source", () => {
    const reply: Reply = {
      parts: [
        { kind: "text", text: "Binnen 24 uur [1], zegt het plan [7]." },
        { kind: "sources", title: "Bronnen", sources: [source(1)] },
        { kind: "feedback", answerId: ANSWER_ID },
      ],
    };
    const activities = teamsMessages(reply) as any[];
    expect(activities).toHaveLength(1);
    expect(activities[0].text).toBe("Binnen 24 uur [1], zegt het plan.");
    expect(messageEntity(activities[0]).citation.map((c: any) => c.position)).toEqual([1]);
  });

  it("shows the AI label only when a model wrote the text", () => {
    const generated = teamsMessages(answer("Het spoedberaad is binnen 24 uur [1].", true)) as any[];
    expect(messageEntity(generated[1]).additionalType).toEqual(["AIGeneratedContent"]);
    const quoted = teamsMessages(answer("“Het spoedberaad is binnen 24 uur.” [1]")) as any[];
    expect(messageEntity(quoted[1]).additionalType).toBeUndefined();
  });

  it("keeps replies without a feedback part as Adaptive Cards", () => {
    const activities = teamsMessages({ parts: [{ kind: "text", text: "Hoi! [1]" }, { kind: "sources", title: "Bronnen", sources: [source(1)] }] }) as any[];
    expect(activities).toHaveLength(1);
    expect(activities[0].attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(activities[0].entities).toBeUndefined();
  });
});

describe("parseFeedbackInvoke (message/submitAction, actionName feedback)", () => {
  it("reads the reaction and Teams' feedbackText JSON string", () => {
    expect(parseFeedbackInvoke({ actionName: "feedback", actionValue: { reaction: "dislike", feedback: JSON.stringify({ feedbackText: "Klopt niet" }) } })).toEqual({
      rating: "not_useful",
      reason: "Klopt niet",
    });
    expect(parseFeedbackInvoke({ actionName: "feedback", actionValue: { reaction: "like", feedback: "" } })).toEqual({ rating: "useful", reason: "" });
  });

  it("ignores other submit actions and unknown reactions", () => {
    expect(parseFeedbackInvoke({ actionName: "other", actionValue: { reaction: "like" } })).toBeUndefined();
    expect(parseFeedbackInvoke({ actionName: "feedback", actionValue: { reaction: "love" } })).toBeUndefined();
    expect(parseFeedbackInvoke(undefined)).toBeUndefined();
  });
});

describe("Teams mentions", () => {
  const reminder: Reply = {
    parts: [{ kind: "mention", person: { userId: "aad-sanne", platformId: "29:sanne", name: "Sanne" }, before: "⏰ Herinnering voor ", after: ': "Analyse <b>" staat nog open.' }],
    audience: "conversation",
  };

  it("sends a text reply that mentions someone as one message: <at>name</at> in the text and a mention entity with the 29: id", () => {
    const [activity, ...more] = teamsMessages(reminder, { notify: true }) as any[];
    expect(more).toEqual([]);
    expect(activity.type).toBe("message");
    expect(activity.attachments ?? []).toEqual([]);
    expect(activity.text).toBe('⏰ Herinnering voor <at>Sanne</at>: "Analyse ‹b›" staat nog open.');
    expect(activity.entities).toEqual([{ type: "mention", text: "<at>Sanne</at>", mentioned: { id: "29:sanne", name: "Sanne" } }]);
    // The entity's text occurs in the message text, as Teams requires.
    expect(activity.text).toContain(activity.entities[0].text);
  });

  it("mentions by the Entra object id when no 29: id is known, and inside a card through msteams.entities", () => {
    const withoutMri: Reply = { parts: [{ ...(reminder.parts[0] as any), person: { userId: "aad-sanne", name: "Sanne" } }, { kind: "actions", actions: [{ id: "x.y", label: "OK" }] }] };
    const [card] = teamsMessages(withoutMri) as any[];
    const content = card.attachments[0].content;
    expect(JSON.stringify(content.body)).toContain("<at>Sanne</at>");
    expect(content.msteams).toEqual({ entities: [{ type: "mention", text: "<at>Sanne</at>", mentioned: { id: "aad-sanne", name: "Sanne" } }] });
  });
});
