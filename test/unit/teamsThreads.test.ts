import { describe, expect, it } from "vitest";
import { channelConversationId, threadConversationId, threadRootOf } from "../../src/integrations/teams/teamsThreads.js";

describe("Teams channel thread addresses", () => {
  const channel = "19:abc@thread.tacv2";

  it("addresses a reply under a message as '<channel>;messageid=<root>', from the channel or any thread of it", () => {
    expect(threadConversationId(channel, "1700000000123")).toBe(`${channel};messageid=1700000000123`);
    expect(threadConversationId(`${channel};messageid=1699999999999`, "1700000000123")).toBe(`${channel};messageid=1700000000123`);
  });

  it("reads the channel and the thread root back, and leaves ids without a thread alone", () => {
    expect(channelConversationId(`${channel};messageid=1700000000123`)).toBe(channel);
    expect(threadRootOf(`${channel};messageid=1700000000123`)).toBe("1700000000123");
    expect(channelConversationId("a:personal-chat")).toBe("a:personal-chat");
    expect(threadRootOf(channel)).toBeUndefined();
  });
});
