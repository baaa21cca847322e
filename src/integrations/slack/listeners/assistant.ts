import { Assistant, type App } from "@slack/bolt";
import type { Reply } from "../../../bot/reply.js";
import { exampleQuestions, smallTalkIntent } from "../../../handlers/smallTalk.js";
import { redactPersonalData } from "../../../privacy/personalData.js";
import { storeKey } from "../../../stores/keyValueStore.js";
import { isQuestionTooLong, questionTooLongReply } from "../../../bot/inputLimits.js";
import { postReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";

/** Slack shows at most four suggested prompts in the assistant panel. */
const MAX_PROMPTS = 4;
/** Thread titles are one line in Slack's thread list. */
const TITLE_CHARS = 60;
/** The title is set once per thread; the claim outlives any assistant thread worth renaming. */
const TITLE_CLAIM_SECONDS = 30 * 24 * 3600;

const GREETING: Reply = {
  parts: [
    {
      kind: "text",
      text: "Hoi! Ik ben Wegwijs. Stel je vraag over plaatsing in de JeugdzorgPlus, dan zoek ik het antwoord op in de plandocumenten, met de bron erbij.",
    },
    { kind: "notice", level: "info", text: "Noem geen namen, BSN of adressen van jongeren: gebruik een eigen casusnummer." },
  ],
};

interface ThreadMessage {
  user?: string;
  text?: string;
  channel: string;
  thread_ts?: string;
  bot_id?: string;
}

/** The region's example questions as Slack prompts (title = the short label). */
export function assistantPrompts(ctx: SlackContext): Array<{ title: string; message: string }> {
  return exampleQuestions(ctx.deps.region)
    .slice(0, MAX_PROMPTS)
    .map((e) => ({ title: e.title, message: e.question }));
}

/** The thread's title from its first question: personal data out, one short line. */
export function threadTitle(question: string): string {
  const line = redactPersonalData(question).text.replace(/\s+/g, " ").trim();
  if (line.length <= TITLE_CHARS) return line;
  const head = line.slice(0, TITLE_CHARS - 1);
  const space = head.lastIndexOf(" ");
  return `${space > TITLE_CHARS / 2 ? head.slice(0, space) : head}…`;
}

/**
 * Slack's assistant panel, where the workspace has it. Bolt's Assistant takes every DM message
 * inside a thread; top-level DMs still reach the message listener.
 */
export function register(app: App, ctx: SlackContext): void {
  app.assistant(
    new Assistant({
      // Wegwijs answers from its documents only; the channel the user is looking at does not matter,
      // so no thread context is read or written (Bolt's default store calls conversations.replies).
      threadContextStore: { get: async () => ({}), save: async () => undefined },
      threadStarted: async ({ event, client, setSuggestedPrompts }) => {
        const { channel_id: channel, thread_ts: threadTs } = event.assistant_thread;
        await postReplies(client, { channel, threadTs }, [GREETING], ctx.logger);
        const prompts = assistantPrompts(ctx);
        if (prompts.length > 0) {
          const region = ctx.deps.region ? ` (regio ${ctx.deps.region.name})` : "";
          await setSuggestedPrompts({ title: `Bijvoorbeeld${region}:`, prompts });
        }
      },
      userMessage: async ({ message, client, setStatus, setTitle }) => {
        const m = message as unknown as ThreadMessage;
        if (!m.user || m.bot_id || !m.thread_ts) return;
        if (isQuestionTooLong(m.text)) {
          await postReplies(client, { channel: m.channel, threadTs: m.thread_ts }, [questionTooLongReply()], ctx.logger);
          return;
        }
        const text = m.text?.trim() ?? "";
        if (text === "") return;
        // Only a loading hint (Slack clears it when we post); a DM thread outside the panel refuses it.
        await setStatus("bezig...").catch((error: Error) => ctx.logger.warn({ err: error.message }, "slack assistant status not set"));
        // The first question (not a "hallo") names the thread in the panel's history; later ones leave it.
        if (!smallTalkIntent(text) && (await ctx.deps.store.claim(storeKey("slack-thread-title", m.channel, m.thread_ts), TITLE_CLAIM_SECONDS))) {
          await setTitle(threadTitle(text)).catch((error: Error) => ctx.logger.warn({ err: error.message }, "slack assistant title not set"));
        }
        const replies = await ctx.deps.bot.handle({ kind: "message", address: slackAddress(m.user, m.channel, m.thread_ts), text });
        await postReplies(client, { channel: m.channel, threadTs: m.thread_ts }, replies, ctx.logger);
      },
    }),
  );
}
