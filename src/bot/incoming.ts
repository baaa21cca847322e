import type { Actor, Surface } from "./actor.js";

/** Where a message came from: the platform-neutral address of a conversation. */
export interface ConversationAddress {
  surface: Surface;
  /** Platform user id (pseudonymous; never a name). */
  userId: string;
  /** Channel, DM or chat id; together with threadId it identifies one conversation. */
  conversationId: string;
  threadId?: string;
  /**
   * The conversation itself, outside the thread, where the surface writes the thread into
   * `conversationId` (Teams channels: "<channel>;messageid=<root>"). Absent where they are apart
   * already (Slack) or there are no threads.
   */
  channelConversationId?: string;
  /** Display name when the platform gives one with the event (web "local", Teams `from.name`). */
  userName?: string;
  /** The platform's own id for the user when it differs from userId (Teams `from.id`, `29:…`). */
  platformId?: string;
}

/** A button press, choice or form submit, mapped from the platform payload. */
export interface IncomingAction {
  /** Handler-defined id such as "ask.moreSources". */
  id: string;
  /** Small opaque value set when the action was rendered. */
  value?: string;
  /** Submitted form values by field id (form parts only). */
  fields?: Record<string, string>;
}

/**
 * One event for the bot core: a text message, a command (a registered word, typed or from a
 * slash command) or an action. Surfaces build it without `actor`; the router resolves the actor
 * through the surface's Directory before any handler sees it.
 */
export type Incoming =
  | { kind: "message"; address: ConversationAddress; text: string; actor?: Actor }
  | { kind: "command"; address: ConversationAddress; name: string; text: string; actor?: Actor }
  | { kind: "action"; address: ConversationAddress; action: IncomingAction; actor?: Actor };

/** What a handler receives: the same event with the actor resolved. */
export type Resolved<T extends Incoming = Incoming> = T & { actor: Actor };
