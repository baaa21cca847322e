import { foldText } from "../../knowledge/analysis/normalise.js";

/**
 * What kind of answer a question asks for, when it asks for something checkable.
 * If the best sentences of the documents contain nothing of that kind, the documents do
 * not answer the question, however well the words match ("per welke datum ...?" answered
 * by a sentence without any date).
 */
export type AnswerType = "phone" | "email" | "amount" | "article" | "date" | "number";

const QUESTION_PATTERNS: Array<[AnswerType, RegExp]> = [
  ["phone", /\b(telefoon\w*|tel\.?\s*nr|bellen|belnummer)\b/],
  ["email", /\b(e-?mail\w*|mailadres)\b/],
  ["amount", /\b(tarief|dagtarief|kosten|kost|bedrag|prijs|hoeveel geld|budget|euro)\b/],
  ["article", /\b(welk|welke|wat is het)\s+(wets)?artikel\b/],
  ["date", /\b(wanneer|welke datum|per welke datum|welk jaar|sinds wanneer|vanaf wanneer|tot wanneer|hoe laat)\b/],
  ["number", /\b(hoeveel|hoe vaak|welk percentage|hoe groot|hoe lang|welk aantal|procent)\b/],
];

const MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|voorjaar|zomer|najaar|winter";
const NUMBER_WORDS =
  "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd|duizend|half|helft|kwart|dubbel|eerste|tweede|derde";

const ANSWER_PATTERNS: Record<AnswerType, RegExp> = {
  phone: /(\+31|0031|\b0)[\s-]?\d[\d\s-]{7,}\d/,
  email: /[\w.+-]+@[\w-]+\.[\w.]+/,
  amount: /€|\beuro\b|\b\d+([.,]\d+)?\s*(miljoen|miljard|mln|mld)\b/,
  article: /\bartikel\s+\d/,
  date: new RegExp(`\\b(19|20)\\d{2}\\b|\\b(${MONTHS})\\b|\\bq[1-4]\\b|\\b\\d{1,2}[-/]\\d{1,2}[-/]\\d{2,4}\\b`),
  number: new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`),
};

export function expectedAnswerType(question: string): AnswerType | undefined {
  const q = foldText(question);
  return QUESTION_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0];
}

export function containsAnswerType(text: string, type: AnswerType): boolean {
  return ANSWER_PATTERNS[type].test(foldText(text));
}
