/** Where a message came from: the platform-neutral address of a conversation. */
export interface ConversationAddress {
  surface: "web" | "slack" | "teams";
  /** Platform user id (pseudonymous; never a name). */
  userId: string;
  /** Channel, DM or chat id; together with threadId it identifies one conversation. */
  conversationId: string;
  threadId?: string;
  /** Display name for shared views (checklists); optional, never required for anything else. */
  userName?: string;
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

/** One event for the bot core: a text message or an action. */
export type Incoming =
  | { kind: "message"; address: ConversationAddress; text: string }
  | { kind: "action"; address: ConversationAddress; action: IncomingAction };
