import type { App, types } from "@slack/bolt";
import { isQuestionTooLong, QUESTION_TOO_LONG_TEXT } from "../../../bot/inputLimits.js";
import { postReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";

export const QUESTION_SHORTCUT = "wegwijs_vraag";
export const QUESTION_MODAL = "wegwijs_vraag_modal";
const QUESTION_BLOCK = "vraag";
const QUESTION_INPUT = "tekst";

export function questionModal(): types.ModalView {
  return {
    type: "modal",
    callback_id: QUESTION_MODAL,
    title: { type: "plain_text", text: "Vraag aan Wegwijs" },
    submit: { type: "plain_text", text: "Vraag" },
    close: { type: "plain_text", text: "Annuleer" },
    blocks: [
      {
        type: "input",
        block_id: QUESTION_BLOCK,
        label: { type: "plain_text", text: "Je vraag" },
        hint: { type: "plain_text", text: "Het antwoord komt in je privégesprek met Wegwijs." },
        element: {
          type: "plain_text_input",
          action_id: QUESTION_INPUT,
          multiline: true,
          max_length: 3000,
          placeholder: { type: "plain_text", text: "Bijvoorbeeld: welke stappen horen bij de route voor een machtiging?" },
        },
      },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: "Noem geen namen, BSN of adressen van jongeren: gebruik een eigen casusnummer." }],
      },
    ],
  };
}

/** The global shortcut: a modal with one question field; the answer arrives in the user's DM. */
export function register(app: App, ctx: SlackContext): void {
  app.shortcut(QUESTION_SHORTCUT, async ({ shortcut, ack, client }) => {
    await ack();
    // The trigger_id is only valid for three seconds, so the modal opens right after the ack.
    await client.views.open({ trigger_id: shortcut.trigger_id, view: questionModal() });
  });

  app.view(QUESTION_MODAL, async ({ view, body, ack, client }) => {
    const text = view.state.values[QUESTION_BLOCK]?.[QUESTION_INPUT]?.value?.trim() ?? "";
    if (isQuestionTooLong(text)) {
      await ack({ response_action: "errors", errors: { [QUESTION_BLOCK]: QUESTION_TOO_LONG_TEXT } });
      return;
    }
    if (text === "") {
      await ack({ response_action: "errors", errors: { [QUESTION_BLOCK]: "Vul je vraag in." } });
      return;
    }
    await ack(); // closes the modal
    const userId = body.user.id;
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) {
      ctx.logger.warn({ callbackId: QUESTION_MODAL }, "slack DM could not be opened");
      return;
    }
    // Same address as a DM, so "Meer bronnen" under this answer finds its sources.
    const replies = await ctx.deps.bot.handle({ kind: "message", address: slackAddress(userId, channel), text });
    await postReplies(client, { channel }, replies, ctx.logger);
  });
}
