import type { App, types } from "@slack/bolt";
import { assertNever, type FormField, type Reply, type ReplyPart } from "../../../bot/reply.js";
import { postEphemeralReplies, postReplies } from "../replies.js";
import { showInConversation, slackAddress, type SlackContext } from "../slackContext.js";

/** Every form a command opens as a modal shares one callback; the metadata says whose it is. */
export const FORM_MODAL = "wegwijs_form_modal";
/**
 * Forms a button opens (a checklist item's "Details"): their replies belong to the conversation
 * the button was in (the card updated in place, refusals privately), not to the DM.
 */
export const ACTION_FORM_MODAL = "wegwijs_action_form_modal";

type FormPart = Extract<ReplyPart, { kind: "form" }>;
interface ModalMetadata {
  /** submitActionId, formId, the channel the command was typed in (or the button was pressed in), its thread. */
  a: string;
  f: string;
  c: string;
  t?: string;
}

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: text.slice(0, max) || " " });

function fieldBlock(field: FormField): types.KnownBlock {
  let element: types.InputBlock["element"];
  switch (field.kind) {
    case "choice":
      element = {
        type: "static_select" as const,
        action_id: field.id,
        placeholder: plain(field.placeholder ?? "Kies een optie", 150),
        options: (field.options ?? []).map((o) => ({ text: plain(o.label, 75), value: o.value })),
        ...(field.value && field.options?.some((o) => o.value === field.value)
          ? { initial_option: { text: plain(field.options.find((o) => o.value === field.value)!.label, 75), value: field.value } }
          : {}),
      };
      break;
    case "person":
      // Slack's own people picker; Slack user ids only as the initial choice.
      element = {
        type: "users_select" as const,
        action_id: field.id,
        placeholder: plain(field.placeholder ?? "Kies iemand", 150),
        ...(field.value && /^[UW][A-Z0-9]{2,}$/.test(field.value) ? { initial_user: field.value } : {}),
      };
      break;
    case "text":
    case "multiline": {
      const max = Math.min(field.maxLength ?? 3000, 3000);
      element = {
        type: "plain_text_input" as const,
        action_id: field.id,
        multiline: field.kind === "multiline",
        max_length: max,
        ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
        ...(field.value ? { initial_value: field.value.slice(0, max) } : {}),
      };
      break;
    }
    default:
      return assertNever(field.kind);
  }
  return { type: "input", block_id: field.id, label: plain(field.label, 2000), optional: !field.required, element } as types.KnownBlock;
}

/** A form part as a Slack modal: one input block per field, block_id = action_id = field id. */
export function formModal(form: FormPart, channel: string, options: { callbackId?: string; threadTs?: string } = {}): types.ModalView {
  const metadata: ModalMetadata = { a: form.submitActionId, f: form.formId, c: channel, ...(options.threadTs ? { t: options.threadTs } : {}) };
  const description = form.description?.trim();
  return {
    type: "modal",
    callback_id: options.callbackId ?? FORM_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, 24),
    submit: plain(form.submitLabel, 24),
    close: plain(form.cancel?.label ?? "Annuleer", 24),
    blocks: [
      ...(description ? [{ type: "section" as const, text: plain(description, 3000) }] : []),
      ...form.fields.map(fieldBlock),
      { type: "context", elements: [{ type: "mrkdwn", text: "Noem geen namen, BSN, adressen of geboortedata: gebruik je casusnummer." }] },
    ],
  };
}

type ViewValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null; selected_user?: string | null }>>;

function fieldsOf(values: ViewValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, inputs] of Object.entries(values)) {
    // block_id and action_id are both the field id (action ids must be unique in a view).
    const input = inputs[blockId];
    if (!input) continue;
    out[blockId] = input.selected_option?.value ?? input.selected_user ?? input.value ?? "";
  }
  return out;
}

function parseMetadata(raw: string): ModalMetadata | undefined {
  try {
    const meta = JSON.parse(raw) as Partial<ModalMetadata>;
    if (typeof meta.a === "string" && typeof meta.f === "string" && typeof meta.c === "string") {
      return { a: meta.a, f: meta.f, c: meta.c, ...(typeof meta.t === "string" ? { t: meta.t } : {}) };
    }
  } catch {
    // Not ours or damaged: the caller acks and stops.
  }
  return undefined;
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

type ModalAck = (response?: { response_action: "errors"; errors: Record<string, string> }) => Promise<void>;

/**
 * A submitted modal, handled as its form's submit action. Returns the handler's replies and the
 * modal's metadata, or undefined when the submit is already answered: a modal without its
 * metadata, or field errors, which stay in the open modal next to their fields.
 */
async function submitted(
  ctx: SlackContext,
  view: { private_metadata: string; state: { values: unknown } },
  user: string,
  ack: ModalAck,
): Promise<{ metadata: ModalMetadata; replies: Reply[] } | undefined> {
  const metadata = parseMetadata(view.private_metadata);
  if (!metadata) {
    ctx.logger.warn("slack modal without its metadata");
    await ack();
    return undefined;
  }
  const replies = await ctx.deps.bot.handle({
    kind: "action",
    address: slackAddress(user, metadata.c, metadata.t),
    action: { id: metadata.a, value: metadata.f, fields: fieldsOf(view.state.values as ViewValues) },
  });
  const errors = fieldErrors(replies);
  if (errors) {
    await ack({ response_action: "errors", errors });
    return undefined;
  }
  await ack();
  return { metadata, replies };
}

/**
 * Submitting a command's modal: the fields go to the handler as the form's submit action. Field
 * errors come back next to the fields (the modal stays open); otherwise the modal closes and the
 * handler's replies arrive in the user's DM with Wegwijs.
 */
export function register(app: App, ctx: SlackContext): void {
  app.view(FORM_MODAL, async ({ view, body, ack, client }) => {
    const done = await submitted(ctx, view, body.user.id, ack as ModalAck);
    if (!done) return;
    const opened = await client.conversations.open({ users: body.user.id });
    const channel = opened.channel?.id;
    if (!channel) {
      ctx.logger.warn({ callbackId: FORM_MODAL }, "slack DM could not be opened");
      return;
    }
    await postReplies(client, { channel }, done.replies, ctx.logger);
  });
}

/**
 * Submitting a form a button opened (ACTION_FORM_MODAL): field errors stay in the modal next to
 * their fields (`response_action: "errors"`); otherwise the modal closes and the replies go where
 * the button was: a slot reply updates its message (chat.update), private ones are ephemeral.
 */
export function registerActionForms(app: App, ctx: SlackContext): void {
  app.view(ACTION_FORM_MODAL, async ({ view, body, ack, client }) => {
    const user = body.user.id;
    const done = await submitted(ctx, view, user, ack as ModalAck);
    if (!done) return;
    const { metadata, replies } = done;
    const audience = ctx.deps.bot.registry.visibilityOfAction(metadata.a);
    for (const reply of replies) {
      if ((reply.audience ?? audience) === "private") {
        await postEphemeralReplies(client, { channel: metadata.c, user, threadTs: metadata.t }, [reply], ctx.logger);
      } else {
        await showInConversation(ctx, client, { channel: metadata.c, threadTs: metadata.t, user, isDirect: true }, [{ ...reply, audience: "conversation" }]);
      }
    }
  });
}
