/**
 * The platform-neutral reply model. Closed on purpose: every renderer switches over
 * ReplyPart["kind"] exhaustively (see assertNever), so a new part kind is a compile error
 * until each surface (Slack Block Kit, Teams Adaptive Card, web chat) can show it.
 */

/** One cited source under an answer. */
export interface SourceCitation {
  /** Citation number as used in the answer text, e.g. 1 for "[1]". */
  n: number;
  documentId: string;
  documentTitle: string;
  /** Short document title for display (from corpus.json); else one is derived (see sourceTitle.ts). */
  shortTitle?: string;
  /** Section trail joined for display, e.g. "5.2.5 Matching & plaatsing". */
  section: string;
  /** Short quote from the passage (retrieved text, never invented). */
  quote: string;
}

/** A button; the surface echoes id and value back as an IncomingAction. */
export interface ReplyAction {
  id: string;
  label: string;
  /** Small opaque value (an id, a choice); never personal data. Max 2000 chars. */
  value?: string;
  style?: "primary" | "danger";
}

/** One option of a choice list. */
export interface ReplyChoice {
  label: string;
  value: string;
}

/** One line of a shared checklist (spoedberaad). */
export interface ChecklistItem {
  id: string;
  label: string;
  state: "open" | "done" | "nvt";
  /** Display name (or platform id) of the person who picked it up. */
  owner?: string;
  /** When the owner's reminder is due (ISO time). */
  dueAt?: string;
  /** Short note the team typed. */
  note?: string;
  /** Display name (or platform id) of who changed it last, and when (ISO time). */
  changedBy?: string;
  changedAt?: string;
}

/**
 * A person to @-mention, as the surface of the conversation knows them: `userId` is the platform
 * id (Slack `U…`, Teams Entra object id, web id), `platformId` the id the platform addresses them
 * by when that differs (Teams: the `29:…` id), `name` what everyone reads.
 */
export interface MentionedPerson {
  userId: string;
  platformId?: string;
  name: string;
}

/** One field of a form (consult request). */
export interface FormField {
  id: string;
  label: string;
  /**
   * "person": someone in the conversation, by platform user id (Slack's own user picker; elsewhere
   * a list of `options`, or a typed id when there are none).
   */
  kind: "text" | "multiline" | "choice" | "person";
  required: boolean;
  placeholder?: string;
  /** Pre-filled value (e.g. a route summary; a person's user id). */
  value?: string;
  /** For kind "choice"; for "person" the people known to be in the conversation. */
  options?: ReplyChoice[];
  /** Longest text a person can type (text and multiline; default: the surface's own bound). */
  maxLength?: number;
  /** Why the last submitted value was refused; shown next to the field (Dutch, short). */
  error?: string;
}

export type ReplyPart =
  /**
   * Plain text; *emphasis* and line breaks only. `generated` is set when a language model wrote
   * the text (Teams then shows its AI label); quoted or fixed text never has it.
   */
  | { kind: "text"; text: string; generated?: boolean }
  /** A section heading. */
  | { kind: "heading"; text: string }
  /**
   * Plain text that @-mentions one person, so they get notified: `before`, the mention, `after`.
   * Slack `<@U…>`, Teams `<at>name</at>` with a mention entity, the web the name.
   */
  | { kind: "mention"; person: MentionedPerson; before: string; after: string }
  | { kind: "notice"; level: "info" | "warning"; text: string }
  | { kind: "sources"; title: string; sources: SourceCitation[] }
  /**
   * Buttons. `once`: a one-time choice ("Ja, afronden" / "Nog niet"): once one is pressed and
   * answered, the web chat turns that message's buttons off (Slack shows such a reply ephemerally).
   */
  | { kind: "actions"; actions: ReplyAction[]; once?: boolean }
  /** Pick one; the choice comes back as IncomingAction { id: actionId, value }. */
  | { kind: "choices"; prompt: string; actionId: string; choices: ReplyChoice[] }
  /**
   * A shared checklist. Setting an item comes back as IncomingAction { id: setStateActionId,
   * value: `${checklistId}:${itemId}:${state}` } (the target state, never a toggle); "Ik pak dit op"
   * as { id: ownerActionId, value: `${checklistId}:${itemId}` }; "Details" (owner, due time, note)
   * as { id: detailsActionId, value: `${checklistId}:${itemId}` }, answered with a form. A closed
   * checklist has no buttons.
   */
  | {
      kind: "checklist";
      checklistId: string;
      title: string;
      /** Grows with every change. */
      version: number;
      status: "open" | "closed";
      /** Display name of the chair (voorzitter). */
      chair: string;
      items: ChecklistItem[];
      setStateActionId: string;
      ownerActionId?: string;
      detailsActionId?: string;
      /**
       * Who should see their copy of the card redraw itself when they look at it: platform ids (Teams
       * `29:…`) of the chair and the people who changed items, at most 60. With `refreshActionId`
       * (value: the checklistId), answered with the card's current state (Teams `refresh`).
       */
      watchers?: string[];
      refreshActionId?: string;
    }
  /**
   * Submitting comes back as IncomingAction { id: submitActionId, value: formId, fields }. An
   * optional `description` says what the form is about; `cancel` is a button next to submit that
   * sends no fields (closing an editor).
   */
  | {
      kind: "form";
      formId: string;
      title: string;
      description?: string;
      submitActionId: string;
      submitLabel: string;
      fields: FormField[];
      cancel?: ReplyAction;
    }
  /**
   * 👍 / 👎 on one answer, in each platform's native form. A press comes back as IncomingAction
   * { id: FEEDBACK_ACTION, value: `${answerId}:useful|not_useful` }; a reason for a 👎 as
   * { id: FEEDBACK_REASON_ACTION, value: answerId, fields: { reason } }.
   */
  | { kind: "feedback"; answerId: string };

export interface Reply {
  parts: ReplyPart[];
  /**
   * Who sees it: only the person who acted, or everyone in the conversation. Unset: the
   * visibility the handler declared in the registry.
   */
  audience?: "private" | "conversation";
  /**
   * A named message slot in the conversation (e.g. one person's route walk): the reply is the
   * slot's current state, so surfaces update the slot's message in place (Slack chat.update,
   * Teams refresh / updateActivity) instead of posting a new one; the web marks the old one done.
   */
  slot?: string;
  /** The reply says the documents do not answer (an abstention): what a message offers may replace it. */
  declines?: boolean;
  /**
   * The message as the answer read it, when that differs from what was typed (a follow-up read with
   * the question before it: "hoe kom ik daar terecht" after "is er een expertteam?"): other features
   * look for what to offer in this reading. Never shown or kept.
   */
  readAs?: string;
  /**
   * A question the message asked besides what this reply answers ("nee nog niet. wie organiseert zo'n
   * spoedberaad eigenlijk?" typed at a route step: the button is this reply): the core asks it of
   * the documents and sends that answer after this reply. Never shown or kept.
   */
  alsoAsk?: string;
}

export type ReplyPartKind = ReplyPart["kind"];

/** Compile-time guard for exhaustive switches in renderers. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled reply part: ${JSON.stringify(value)}`);
}

export function textReply(text: string): Reply {
  return { parts: [{ kind: "text", text }] };
}
