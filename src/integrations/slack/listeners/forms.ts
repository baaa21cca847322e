import type { App, types } from "@slack/bolt";
import type { FormField, Reply, ReplyPart } from "../../../bot/reply.js";
import { postReplies } from "../replies.js";
import { slackAddress, type SlackContext } from "../slackContext.js";

/** Every form a command opens as a modal shares one callback; the metadata says whose it is. */
export const FORM_MODAL = "wegwijs_form_modal";

type FormPart = Extract<ReplyPart, { kind: "form" }>;
interface ModalMetadata {
  /** submitActionId, formId, the channel the command was typed in. */
  a: string;
  f: string;
  c: string;
}

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: text.slice(0, max) || " " });

function fieldBlock(field: FormField): types.KnownBlock {
  const element =
    field.kind === "choice"
      ? {
          type: "static_select" as const,
          action_id: field.id,
          placeholder: plain(field.placeholder ?? "Kies een optie", 150),
          options: (field.options ?? []).map((o) => ({ text: plain(o.label, 75), value: o.value })),
          ...(field.value && field.options?.some((o) => o.value === field.value)
            ? { initial_option: { text: plain(field.options.find((o) => o.value === field.value)!.label, 75), value: field.value } }
            : {}),
        }
      : {
          type: "plain_text_input" as const,
          action_id: field.id,
          multiline: field.kind === "multiline",
          max_length: 3000,
          ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
          ...(field.value ? { initial_value: field.value.slice(0, 3000) } : {}),
        };
  return { type: "input", block_id: field.id, label: plain(field.label, 2000), optional: !field.required, element } as types.KnownBlock;
}

/** A form part as a Slack modal: one input block per field, block_id = action_id = field id. */
export function formModal(form: FormPart, channel: string): types.ModalView {
  const metadata: ModalMetadata = { a: form.submitActionId, f: form.formId, c: channel };
  return {
    type: "modal",
    callback_id: FORM_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain("Annuleer", 24),
    blocks: [
      ...form.fields.map(fieldBlock),
      { type: "context", elements: [{ type: "mrkdwn", text: "Noem geen namen, BSN, adressen of geboortedata: gebruik je casusnummer." }] },
    ],
  };
}

function fieldsOf(values: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(values)) {
    // block_id and action_id are both the field id (action ids must be unique in a view).
    const input = inputs[blockId];
    if (!input) continue;
    out[blockId] = input.selected_option?.value ?? input.value ?? "";
  }
  return out;
}

/** The field errors a handler put on a re-shown form, for Slack's `response_action: "errors"`. */
function fieldErrors(replies: Reply[]): Record<string, string> | undefined {
  for (const reply of replies) {
    for (const part of reply.parts) {
      if (part.kind !== "form") continue;
      const errors = Object.fromEntries(part.fields.filter((f) => f.error).map((f) => [f.id, f.error!.slice(0, 150)]));
      if (Object.keys(errors).length > 0) return errors;
    }
  }
  return undefined;
}

/**
 * Submitting a command's modal: the fields go to the handler as the form's submit action. Field
 * errors come back next to the fields (the modal stays open); otherwise the modal closes and the
 * handler's replies arrive in the user's DM with Wegwijs.
 */
export function register(app: App, ctx: SlackContext): void {
  app.view(FORM_MODAL, async ({ view, body, ack, client }) => {
    let metadata: ModalMetadata;
    try {
      metadata = JSON.parse(view.private_metadata) as ModalMetadata;
    } catch {
      await ack();
      return;
    }
    const fields = fieldsOf(view.state.values as never);
    const user = body.user.id;
    const replies = await ctx.deps.bot.handle({ kind: "action", address: slackAddress(user, metadata.c), action: { id: metadata.a, value: metadata.f, fields } });
    const errors = fieldErrors(replies);
    if (errors) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const opened = await client.conversations.open({ users: user });
    const channel = opened.channel?.id;
    if (!channel) {
      ctx.logger.warn({ callbackId: FORM_MODAL }, "slack DM could not be opened");
      return;
    }
    await postReplies(client, { channel }, replies, ctx.logger);
  });
}
