import { Assistant, type App } from "@slack/bolt";
import type { Reply } from "../../../bot/reply.js";
import { isQuestionTooLong, questionTooLongReply } from "../../../bot/inputLimits.js";
import { postReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";

export const ASSISTANT_PROMPTS = [
  { title: "Spoedberaad", message: "Wat moet er bij een spoedberaad aanschuiven?" },
  { title: "Spoedmachtiging", message: "Hoe vaak komen jongeren met een spoedmachtiging in de JeugdzorgPlus?" },
  { title: "Regiovisie", message: "Wat is het doel van de regiovisie jeugdhulp Rijnmond?" },
];

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
        await setSuggestedPrompts({ title: "Bijvoorbeeld:", prompts: ASSISTANT_PROMPTS });
      },
      userMessage: async ({ message, client, setStatus }) => {
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
        const replies = await ctx.deps.bot.handle({ kind: "message", address: slackAddress(m.user, m.channel, m.thread_ts), text });
        await postReplies(client, { channel: m.channel, threadTs: m.thread_ts }, replies, ctx.logger);
      },
    }),
  );
}
