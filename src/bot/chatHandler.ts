import type { ConversationAddress, Incoming, IncomingAction, Resolved } from "./incoming.js";
import type { Reply, ReplyPart } from "./reply.js";

/** A word that starts a feature: typed alone in a chat, or after /wegwijs in Slack. */
export interface CommandSpec {
  /** Lower-case word, e.g. "route". */
  name: string;
  aliases?: readonly string[];
  /** Shown in the help and the Slack usage line, e.g. "<je vraag>". */
  args?: string;
  /** One short Dutch line for the help text. */
  help: string;
  /** Surfaces whose help lists the command; default all (e.g. "koppel" only means something in Teams). */
  helpOn?: readonly ConversationAddress["surface"][];
  /**
   * Whether text typed after the word in a chat belongs to the command: true for any text
   * ("vraag wat is ..."), a pattern for a specific shape ("spoedberaad CASUS-12"). Without it only
   * the bare word is the command: "route naar de rechter?" stays a question. After /wegwijs in
   * Slack the rest always goes to the command.
   */
  takesText?: boolean | RegExp;
  /**
   * A form this command shows straight away for this text (e.g. "consult" without words), built
   * without any lookup: Slack opens it as a modal right after the ack, before the trigger_id
   * expires. Other surfaces call `command` as usual.
   */
  form?(text: string): Extract<ReplyPart, { kind: "form" }> | undefined;
  /**
   * The same form filled in from what this conversation handed over (a consult after a closed
   * spoedberaad), from one quick lookup. Slack waits for it only briefly (FORM_LOOKUP_MS in its
   * command listener) and opens `form` otherwise; undefined also means `form`.
   */
  formIn?(text: string, address: ConversationAddress): Promise<Extract<ReplyPart, { kind: "form" }> | undefined>;
}

/**
 * One feature, declared once: its commands, the prefix of its action ids, and who sees its
 * replies. A new feature is its own folder plus one line in the registry (src/router/handlers.ts);
 * the Slack and Teams command parsers, Slack's known actions and the help all read from here.
 */
export interface ChatHandler {
  readonly name: string;
  readonly commands?: readonly CommandSpec[];
  /** Every action id this handler renders starts with it, e.g. "route.". */
  readonly actionPrefix?: string;
  /**
   * The handler refuses personal data in its form fields itself (with the reason next to the
   * field, storing nothing). Otherwise the router redacts form fields before the handler sees them.
   */
  readonly checksPersonalData?: boolean;
  /** Default audience of its replies; a Reply may say otherwise. */
  readonly visibility: "private" | "conversation";
  command?(incoming: Resolved<Extract<Incoming, { kind: "command" }>>): Promise<Reply[]>;
  action?(incoming: Resolved<Extract<Incoming, { kind: "action" }>>): Promise<Reply[]>;
  /**
   * A form an action opens first (a checklist item's "Details", the consult hand-over under a route outcome), read from stored state only:
   * no directory lookups, nothing slow, so Slack can open it as a modal with the press's trigger_id
   * (valid three seconds). No actor is resolved yet: the submit is checked like any action. Its
   * submit comes back as the form's submitActionId with fields. Other surfaces call `action`,
   * which answers the same press with the same form.
   */
  actionForm?(action: IncomingAction, address: ConversationAddress): Promise<Extract<ReplyPart, { kind: "form" }> | undefined>;
  /** Free text this handler claims before it is taken as a question (a step waiting for text). */
  message?(incoming: Resolved<Extract<Incoming, { kind: "message" }>>): Promise<Reply[] | undefined>;
  /** Parts offered under an answer to this question (e.g. "Start de plaatsingsroute"). */
  suggest?(question: string): ReplyPart[] | undefined;
  /**
   * The shared messages this handler keeps for a conversation, drawn from stored state as they
   * stand now (a spoedberaad card, and its summary once closed): what a page that (re)opens the
   * conversation shows, including what changed while it was closed. Only what everyone in the
   * conversation may see; never one person's private replies.
   */
  restore?(address: ConversationAddress): Promise<Reply[]>;
}
