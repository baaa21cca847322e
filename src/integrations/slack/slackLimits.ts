import type { types as SlackTypes } from "@slack/bolt";

type KnownBlock = SlackTypes.KnownBlock;

/** Structural twin of SlackMessage in blockKit.ts, which imports this module (so no import cycle). */
export interface SlackMessageLike {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Slack's documented Block Kit limits, from the Block Kit reference on docs.slack.dev
 * (reference/block-kit/blocks, .../block-elements, .../composition-objects) and the matching
 * JSDoc in @slack/types 3.2, plus two budgets of our own where Slack documents nothing.
 */
export const SLACK_LIMITS = {
  /** "You can include up to 50 blocks in each message" (blocks reference; 100 applies to modals/Home only). */
  blocksPerMessage: 50,
  /** block_id and action_id: "Maximum length for this field is 255 characters". */
  blockId: 255,
  actionId: 255,
  /** Text object: "minimum length is 1 and maximum length is 3000 characters". */
  textObject: 3000,
  /** Section block: text max 3000; fields max 10 items, 2000 characters each. */
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  /** Header block: plain_text, max 150 characters. */
  headerText: 150,
  /** Context block: max 10 elements. */
  contextElements: 10,
  /** Actions block: max 25 elements. */
  actionsElements: 25,
  /** Context actions block: max 5 elements (feedback_buttons, icon_button). */
  contextActionsElements: 5,
  /** feedback_buttons: each button's text max 75, value max 2000, accessibility_label max 75. */
  feedbackButtonText: 75,
  feedbackButtonValue: 2000,
  accessibilityLabel: 75,
  /** Button: text max 75, value max 2000, url max 3000. */
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  /** Select menus: max 100 options; placeholder max 150. */
  selectOptions: 100,
  placeholder: 150,
  /** Option object: text max 75. */
  optionText: 75,
  /**
   * Option object value. docs.slack.dev now says 150, the @slack/types 3.2 JSDoc still says 75;
   * we keep to the stricter one so older workspaces/clients accept it too.
   */
  optionValue: 75,
  /** Checkboxes / radio buttons: max 10 options. */
  checkboxOptions: 10,
  /** Input block: label and hint max 2000. */
  inputLabel: 2000,
  inputHint: 2000,
  /** plain_text_input: min_length/max_length at most 3000 (the longest text Slack accepts in an input). */
  plainTextInputLength: 3000,
  /**
   * Message `text` (our plain-text notification fallback). Slack advises at most 4000 characters
   * (chat.postMessage reference, "Truncating content"); we keep 3000 as the project rule.
   */
  fallbackText: 3000,
  /**
   * Sum of all text in a message's blocks. Undocumented: chat.postMessage answers
   * `msg_blocks_too_long` from roughly 12,000-13,000 characters of block text (Slack staff in
   * slackapi/bolt-js#2509: "12,000 text characters with a buffer for block containers"; #2867 saw
   * rejections at 11,341). 10,000 leaves room for that buffer.
   */
  messageBlockText: 10_000,
} as const;

/** Block types the renderer produces; anything else in a message is reported. */
const SUPPORTED_BLOCKS = new Set(["section", "header", "context", "context_actions", "actions", "input", "divider"]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Total characters of text objects (and input initial values) in the blocks: what Slack's cumulative limit counts. */
export function blocksTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject(node)) return;
    if ((node.type === "plain_text" || node.type === "mrkdwn") && typeof node.text === "string") total += node.text.length;
    if (typeof node.initial_value === "string") total += node.initial_value.length;
    for (const [key, child] of Object.entries(node)) {
      if (key !== "text" || typeof child !== "string") visit(child);
    }
  };
  visit(blocks);
  return total;
}

/**
 * Every documented limit a message breaks, as readable strings (empty when valid). Used by the
 * renderer's tests and usable by the Slack surface as a last check before chat.postMessage.
 */
export function slackLimitViolations(message: SlackMessageLike): string[] {
  const problems: string[] = [];
  const L = SLACK_LIMITS;
  const blocks = message.blocks as unknown[];

  if (message.text.trim().length === 0) problems.push("text: empty (notification fallback missing)");
  if (message.text.length > L.fallbackText) problems.push(`text: ${message.text.length} > ${L.fallbackText} characters`);
  if (blocks.length === 0) problems.push("blocks: none");
  if (blocks.length > L.blocksPerMessage) problems.push(`blocks: ${blocks.length} > ${L.blocksPerMessage}`);
  const total = blocksTextLength(blocks);
  if (total > L.messageBlockText) problems.push(`blocks: ${total} characters of block text > ${L.messageBlockText}`);

  const blockIds = new Set<string>();
  const actionIds = new Set<string>();

  const textObject = (where: string, value: unknown, max: number, kinds: readonly string[] = ["plain_text", "mrkdwn"]): void => {
    if (!isObject(value) || typeof value.text !== "string" || !kinds.includes(String(value.type))) {
      problems.push(`${where}: not a valid text object (${kinds.join("/")})`);
      return;
    }
    if (value.text.length < 1) problems.push(`${where}: empty text`);
    if (value.text.length > max) problems.push(`${where}: ${value.text.length} > ${max} characters`);
  };
  const actionId = (where: string, element: Json): void => {
    const id = element.action_id;
    if (typeof id !== "string" || id.length === 0) {
      problems.push(`${where}: action_id missing`);
      return;
    }
    if (id.length > L.actionId) problems.push(`${where}: action_id ${id.length} > ${L.actionId}`);
    if (actionIds.has(id)) problems.push(`${where}: action_id "${id}" is not unique`);
    actionIds.add(id);
  };
  const option = (where: string, value: unknown, textKinds: readonly string[]): void => {
    if (!isObject(value)) {
      problems.push(`${where}: not an option`);
      return;
    }
    textObject(`${where}.text`, value.text, L.optionText, textKinds);
    if (typeof value.value !== "string" || value.value.length === 0) problems.push(`${where}.value: missing`);
    else if (value.value.length > L.optionValue) problems.push(`${where}.value: ${value.value.length} > ${L.optionValue}`);
  };
  const element = (where: string, value: unknown, allowed: readonly string[]): void => {
    if (!isObject(value) || typeof value.type !== "string") {
      problems.push(`${where}: not an element`);
      return;
    }
    if (!allowed.includes(value.type)) {
      problems.push(`${where}: element "${value.type}" not allowed here`);
      return;
    }
    switch (value.type) {
      case "button":
        actionId(where, value);
        textObject(`${where}.text`, value.text, L.buttonText, ["plain_text"]);
        if (typeof value.value === "string" && value.value.length > L.buttonValue) {
          problems.push(`${where}.value: ${value.value.length} > ${L.buttonValue}`);
        }
        if (typeof value.url === "string" && value.url.length > L.buttonUrl) problems.push(`${where}.url: too long`);
        if (value.style !== undefined && value.style !== "primary" && value.style !== "danger") {
          problems.push(`${where}.style: "${String(value.style)}" invalid`);
        }
        break;
      case "static_select": {
        actionId(where, value);
        if (value.placeholder !== undefined) textObject(`${where}.placeholder`, value.placeholder, L.placeholder, ["plain_text"]);
        const options = Array.isArray(value.options) ? value.options : [];
        if (options.length < 1) problems.push(`${where}.options: empty`);
        if (options.length > L.selectOptions) problems.push(`${where}.options: ${options.length} > ${L.selectOptions}`);
        options.forEach((o, i) => option(`${where}.options[${i}]`, o, ["plain_text"]));
        break;
      }
      case "checkboxes": {
        actionId(where, value);
        const options = Array.isArray(value.options) ? value.options : [];
        if (options.length < 1) problems.push(`${where}.options: empty`);
        if (options.length > L.checkboxOptions) problems.push(`${where}.options: ${options.length} > ${L.checkboxOptions}`);
        options.forEach((o, i) => option(`${where}.options[${i}]`, o, ["plain_text", "mrkdwn"]));
        break;
      }
      case "plain_text_input":
        actionId(where, value);
        if (value.placeholder !== undefined) textObject(`${where}.placeholder`, value.placeholder, L.placeholder, ["plain_text"]);
        if (typeof value.max_length === "number" && value.max_length > L.plainTextInputLength) {
          problems.push(`${where}.max_length: ${value.max_length} > ${L.plainTextInputLength}`);
        }
        if (typeof value.initial_value === "string") {
          const max = typeof value.max_length === "number" ? value.max_length : L.plainTextInputLength;
          if (value.initial_value.length > max) problems.push(`${where}.initial_value: ${value.initial_value.length} > ${max}`);
        }
        break;
      case "users_select":
        actionId(where, value);
        if (value.placeholder !== undefined) textObject(`${where}.placeholder`, value.placeholder, L.placeholder, ["plain_text"]);
        if (value.initial_user !== undefined && (typeof value.initial_user !== "string" || value.initial_user.length === 0)) {
          problems.push(`${where}.initial_user: invalid`);
        }
        break;
      case "feedback_buttons":
        actionId(where, value);
        for (const side of ["positive_button", "negative_button"] as const) {
          const button = value[side];
          if (!isObject(button)) {
            problems.push(`${where}.${side}: missing`);
            continue;
          }
          textObject(`${where}.${side}.text`, button.text, L.feedbackButtonText, ["plain_text"]);
          if (typeof button.value !== "string" || button.value.length === 0) problems.push(`${where}.${side}.value: missing`);
          else if (button.value.length > L.feedbackButtonValue) problems.push(`${where}.${side}.value: ${button.value.length} > ${L.feedbackButtonValue}`);
          if (typeof button.accessibility_label === "string" && button.accessibility_label.length > L.accessibilityLabel) {
            problems.push(`${where}.${side}.accessibility_label: ${button.accessibility_label.length} > ${L.accessibilityLabel}`);
          }
        }
        break;
      default:
        problems.push(`${where}: element "${value.type}" is not checked`);
    }
  };

  blocks.forEach((block, index) => {
    const where = `blocks[${index}]`;
    if (!isObject(block) || typeof block.type !== "string") {
      problems.push(`${where}: not a block`);
      return;
    }
    if (!SUPPORTED_BLOCKS.has(block.type)) problems.push(`${where}: block "${block.type}" not supported`);
    if (block.block_id !== undefined) {
      const id = block.block_id;
      if (typeof id !== "string" || id.length === 0 || id.length > L.blockId) problems.push(`${where}: block_id invalid or > ${L.blockId}`);
      else if (blockIds.has(id)) problems.push(`${where}: block_id "${id}" is not unique`);
      else blockIds.add(id);
    }
    switch (block.type) {
      case "section": {
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        if (block.text === undefined && fields === undefined) problems.push(`${where}: section without text or fields`);
        if (block.text !== undefined) textObject(`${where}.text`, block.text, L.sectionText);
        if (fields) {
          if (fields.length > L.sectionFields) problems.push(`${where}.fields: ${fields.length} > ${L.sectionFields}`);
          fields.forEach((f, i) => textObject(`${where}.fields[${i}]`, f, L.sectionFieldText));
        }
        if (block.accessory !== undefined) element(`${where}.accessory`, block.accessory, ["button", "static_select", "checkboxes"]);
        break;
      }
      case "header":
        textObject(`${where}.text`, block.text, L.headerText, ["plain_text"]);
        break;
      case "context": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1) problems.push(`${where}.elements: empty`);
        if (elements.length > L.contextElements) problems.push(`${where}.elements: ${elements.length} > ${L.contextElements}`);
        elements.forEach((e, i) => textObject(`${where}.elements[${i}]`, e, L.textObject));
        break;
      }
      case "actions": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1) problems.push(`${where}.elements: empty`);
        if (elements.length > L.actionsElements) problems.push(`${where}.elements: ${elements.length} > ${L.actionsElements}`);
        elements.forEach((e, i) => element(`${where}.elements[${i}]`, e, ["button", "static_select", "checkboxes"]));
        break;
      }
      case "context_actions": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length < 1) problems.push(`${where}.elements: empty`);
        if (elements.length > L.contextActionsElements) problems.push(`${where}.elements: ${elements.length} > ${L.contextActionsElements}`);
        elements.forEach((e, i) => element(`${where}.elements[${i}]`, e, ["feedback_buttons"]));
        break;
      }
      case "input":
        textObject(`${where}.label`, block.label, L.inputLabel, ["plain_text"]);
        if (block.hint !== undefined) textObject(`${where}.hint`, block.hint, L.inputHint, ["plain_text"]);
        element(`${where}.element`, block.element, ["plain_text_input", "static_select", "checkboxes", "users_select"]);
        break;
      default:
        break;
    }
  });
  return problems;
}
