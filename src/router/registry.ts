import type { ChatHandler, CommandSpec } from "../bot/chatHandler.js";
import type { ConversationAddress, IncomingAction } from "../bot/incoming.js";
import type { ReplyPart } from "../bot/reply.js";
import { REQUEST_WORDS } from "../bot/intentPatterns.js";

/** What a typed text means: a registered command, or a message for the handlers. */
export type ParsedText = { kind: "command"; name: string; text: string } | { kind: "message"; text: string };

/** Teams puts non-breaking spaces around stripped mentions; Slack sends runs of spaces. */
function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, " ").replace(/\s+/g, " ").trim();
}

/** An imperative before a command word: "start (een) spoedberaad", "open de route". */
const REQUEST_BEFORE = /^(?:start|open|begin)\s+(?:(?:een|de|het|nieuwe?)\s+)*/i;
/** … or a request word after it: "spoedberaad graag", "route starten aub". */
const REQUEST_AFTER = new RegExp(String.raw`\s+(?:${REQUEST_WORDS})[\s.!]*$`, "i");
/** … or the verb as an infinitive right after the command word: "spoedberaad starten (voor CASUS-0412)". */
const REQUEST_AFTER_WORD = /^(\S+)\s+(?:starten|openen|beginnen)(?=\s|[.!]*$)[.!]*/i;

/** A word that says a case number follows: "casus 2024-17", "voor casusnr: GR-0415", "case #12". */
const CASE_WORD = /^(?:voor\s+)?(?:(?:de|het)\s+)?(?:casus(?:nummer|nr)?|case|zaak)\.?\s*[:#]?\s*/i;

export class HandlerRegistry {
  private readonly handlers: ChatHandler[] = [];
  /** Word (or alias) → command name and handler; a Map, so "__proto__" is just an unknown word. */
  private readonly words = new Map<string, { spec: CommandSpec; handler: ChatHandler }>();

  constructor(handlers: readonly ChatHandler[] = []) {
    for (const handler of handlers) this.add(handler);
  }

  add(handler: ChatHandler): this {
    if (this.handlers.some((h) => h.name === handler.name)) throw new Error(`handler "${handler.name}" registered twice`);
    const prefix = handler.actionPrefix;
    if (prefix !== undefined) {
      if (!prefix.endsWith(".")) throw new Error(`action prefix "${prefix}" must end with "."`);
      const clash = this.handlers.find((h) => h.actionPrefix && (h.actionPrefix.startsWith(prefix) || prefix.startsWith(h.actionPrefix)));
      if (clash) throw new Error(`action prefix "${prefix}" overlaps "${clash.actionPrefix}" of ${clash.name}`);
    }
    for (const spec of handler.commands ?? []) {
      for (const word of [spec.name, ...(spec.aliases ?? [])]) {
        const key = word.toLowerCase();
        if (this.words.has(key)) throw new Error(`command "${key}" registered twice`);
        this.words.set(key, { spec, handler });
      }
    }
    this.handlers.push(handler);
    return this;
  }

  all(): readonly ChatHandler[] {
    return this.handlers;
  }

  /** The handler and command for a word, or undefined. */
  command(word: string): { spec: CommandSpec; handler: ChatHandler } | undefined {
    return this.words.get(word.toLowerCase().replace(/^\//, ""));
  }

  /** The handler whose prefix the action id carries. */
  handlerForAction(actionId: string): ChatHandler | undefined {
    return this.handlers.find((h) => h.actionPrefix !== undefined && actionId.startsWith(h.actionPrefix));
  }

  isKnownAction(actionId: string): boolean {
    return this.handlerForAction(actionId) !== undefined;
  }

  /** The form this action opens first (a Slack modal), when its handler has one for it. */
  async actionForm(action: IncomingAction, address: ConversationAddress): Promise<Extract<ReplyPart, { kind: "form" }> | undefined> {
    return this.handlerForAction(action.id)?.actionForm?.(action, address);
  }

  /** Default audience of an action's replies (feedback thanks are private, route steps are not). */
  visibilityOfAction(actionId: string): "private" | "conversation" {
    return this.handlerForAction(actionId)?.visibility ?? "private";
  }

  /**
   * A chat message as typed in web, Teams or a Slack DM/mention: a registered word alone (or one
   * that takes text, followed by it) is a command; anything else is a message.
   */
  parseText(raw: string): ParsedText {
    const text = normaliseSpaces(raw);
    // "start spoedberaad", "open de route", "spoedberaad starten voor CASUS-0412", "consult graag":
    // the command asked for in so many words is that command (new-user try: "start spoedberaad"
    // got a quote about bottlenecks and a button, where "spoedberaad" starts the checklist).
    const asked = text.replace(REQUEST_BEFORE, "").replace(REQUEST_AFTER, "").replace(REQUEST_AFTER_WORD, "$1");
    for (const candidate of asked !== text && asked !== "" ? [text, asked] : [text]) {
      const command = this.commandIn(candidate);
      if (command) return command;
    }
    return { kind: "message", text };
  }

  /**
   * The command a text is: a registered word alone, or followed by the text it takes, with "voor"
   * or "casus" before it allowed ("spoedberaad casus 2024-17"; second new-user try of the
   * thirty-eighth session: it was answered as a question, while "spoedberaad 2024-17" worked).
   */
  private commandIn(text: string): ParsedText | undefined {
    const [first = ""] = text.split(" ", 1);
    const found = first === "" ? undefined : this.command(first);
    if (!found) return undefined;
    const rest = text.slice(first.length).trim();
    const takes = found.spec.takesText;
    for (const given of [rest, rest.replace(/^voor\s+/i, ""), rest.replace(CASE_WORD, "")]) {
      if (given === "" || takes === true || (takes instanceof RegExp && takes.test(given))) return { kind: "command", name: found.spec.name, text: given };
    }
    return undefined;
  }

  /**
   * `/wegwijs <sub> …` in Slack: the first word names the command whatever follows; an unknown
   * or missing word gets the help (the "help" command).
   */
  parseSlash(raw: string): { kind: "command"; name: string; text: string } {
    const text = normaliseSpaces(raw);
    const [first = ""] = text.split(" ", 1);
    const found = first === "" ? undefined : this.command(first);
    if (!found) return { kind: "command", name: "help", text: "" };
    return { kind: "command", name: found.spec.name, text: text.slice(first.length).trim() };
  }

  /** Every command for help texts, in registry order. */
  commandSpecs(): CommandSpec[] {
    return this.handlers.flatMap((h) => [...(h.commands ?? [])]);
  }
}
