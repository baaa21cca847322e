/**
 * Teams writes a channel thread into the conversation id: every activity in a thread of a
 * channel carries "<channel conversation id>;messageid=<root activity id>", and a message sent to
 * that id (proactively, or as a reply in a turn) appears in that thread. The Teams SDKs build it
 * the same way (ToThreadedConversationId).
 */
const THREAD_MARK = ";messageid=";

/** The channel's own conversation id, without the thread a message of it was in. */
export function channelConversationId(conversationId: string): string {
  const at = conversationId.indexOf(THREAD_MARK);
  return at === -1 ? conversationId : conversationId.slice(0, at);
}

/** Where a reply under the message `rootActivityId` goes: into that message's thread. */
export function threadConversationId(conversationId: string, rootActivityId: string): string {
  return `${channelConversationId(conversationId)}${THREAD_MARK}${rootActivityId}`;
}

/** The root activity id of the thread this conversation id names, if it names one. */
export function threadRootOf(conversationId: string): string | undefined {
  const at = conversationId.indexOf(THREAD_MARK);
  if (at === -1) return undefined;
  return conversationId.slice(at + THREAD_MARK.length).split(";")[0] || undefined;
}
