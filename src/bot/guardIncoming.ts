import { personalDataWarning, redactPersonalData, type PersonalDataFinding } from "../privacy/personalData.js";
import type { Incoming } from "./incoming.js";
import { areFieldsTooLong, fieldsTooLongReply, isQuestionTooLong, questionTooLongReply } from "./inputLimits.js";
import type { Reply } from "./reply.js";

export type GuardedIncoming = { refusal: Reply } | { incoming: Incoming; notice?: Reply };

/**
 * What every Incoming passes before a handler sees it, whichever surface it came from (each
 * surface also checks the caps before it parses further): input caps, and personal data taken
 * out of form fields, which handlers keep (a consult request, a checklist note). Question text
 * is redacted by the ask and route handlers themselves, which need the findings' positions.
 */
export function guardIncoming(incoming: Incoming, options: { redactFields?: boolean } = {}): GuardedIncoming {
  if (incoming.kind === "message" || incoming.kind === "command") {
    return isQuestionTooLong(incoming.text) ? { refusal: questionTooLongReply() } : { incoming };
  }
  const { fields, value } = incoming.action;
  if (areFieldsTooLong(fields, value)) return { refusal: fieldsTooLongReply() };
  if (!fields || options.redactFields === false) return { incoming };
  const findings: PersonalDataFinding[] = [];
  const redacted: Record<string, string> = {};
  for (const [id, text] of Object.entries(fields)) {
    const result = redactPersonalData(text);
    redacted[id] = result.text;
    findings.push(...result.findings);
  }
  const warning = personalDataWarning(findings, "store");
  return {
    incoming: { ...incoming, action: { ...incoming.action, fields: redacted } },
    ...(warning ? { notice: { parts: [{ kind: "notice", level: "warning", text: warning }] } } : {}),
  };
}
