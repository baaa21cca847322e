import type { ReplyPart } from "./reply.js";

/** Shown under an answer when the conversation could not be remembered (Redis down). */
export const NOT_REMEMBERED_TEXT =
  "Let op: ik kan dit gesprek nu even niet onthouden. Je vraag is beantwoord, maar 'Meer bronnen', feedback en de plaatsingsroute werken pas weer als dat hersteld is.";

/** The route cannot be read or saved now (Redis down). */
export const ROUTE_UNAVAILABLE_TEXT =
  "De plaatsingsroute kan nu niet verder: ik kan je voortgang even niet opslaan of ophalen. Probeer het over een paar minuten opnieuw; je vragen beantwoord ik intussen gewoon.";

export const notRememberedNotice = (): ReplyPart => ({ kind: "notice", level: "warning", text: NOT_REMEMBERED_TEXT });
export const routeUnavailableNotice = (): ReplyPart => ({ kind: "notice", level: "warning", text: ROUTE_UNAVAILABLE_TEXT });
