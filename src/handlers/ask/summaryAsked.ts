import { foldText, wordTokens } from "../../knowledge/analysis/normalise.js";

/** The part of SUMMARY (below) that asks for an aim or an idea, not a summary: the reply says nothing about summarising. */
const AIM = /\b(?:wat\s+(?:is|zijn)\s+(?:het|de)\s+(?:belangrijkste\s+|voornaamste\s+)?(?:hoofd)?doel(?:en)?|wat\s+(?:wil|willen)\s+(?:\S+\s+){0,12}bereiken|wat\s+is\s+(?:het|de)\s+(?:idee|gedachte)\s+(?:er)?achter|hoe\s+werkt\s+(?:de|het|dat|dit|die|deze)\s)\b/;

/**
 * "vat het plan ff samen", "waar gaat de regiovisie over?", "wat staat er in het actieplan?", "wat
 * is het belangrijkste doel?", "wat wil het actieplan eigenlijk bereiken?", "hoe werkt de regiovisie, wat is
 * het idee erachter?": a request for a document's gist. Quotes cannot summarise; what a document says its aim is comes
 * closest (new-user try: "vat het plan ff samen" got one sentence about the VNG's follow-up).
 */
const SUMMARY = new RegExp(String.raw`\b(?:vat\s+(?:\S+\s+){0,12}samen|samenvatt(?:ing|en)|samengevat|in\s+(?:het|t|'t)\s+kort|waar\s+gaat\s+(?:\S+\s+){0,12}over|wat\s+staat\s+er\s+(?:allemaal\s+)?in|wat\s+(?:is|zijn)\s+(?:de|het)\s+(?:kern|kernpunten|kernboodschap|hoofdpunten|hoofdlijnen|essentie))\b|${AIM.source}`);

/** Words that ask for a summary or point at a document without naming what in it. */
const ASKING_ONLY = new Set(
  "vat samen samenvatting samenvatten samengevat waar gaat over wat staat er allemaal in het de een dit dat die deze plan plannen document documenten plandocument plandocumenten stuk stukken ff even kort korte graag kun kan je jij u me mij voor eens nog aub alsjeblieft geheel hele heel nou eigenlijk precies zo op hoofdlijnen in t is zijn belangrijkste voornaamste doel doelen hoofddoel wil willen bereiken ze hoe werkt idee gedachte erachter achter van vd vh kern kernpunten kernboodschap hoofdpunten hoofdlijnen essentie"
    .split(" "),
);

/**
 * "waarom is er een nieuwe regiovisie gekomen?", "wat was de aanleiding voor de nieuwe werkwijze?":
 * why a document is there, which its own section on that ("Waarom deze visie?", "Aanleiding")
 * says (new-user try: a line from another document that names the regiovisie answered).
 */
const REASON = /\b(?:waarom\s+(?:is|zijn|was|waren|kwam|komt|werd|werden|hebben|heeft|dit|deze|die|dat|een|de|het)|wat\s+(?:is|was)\s+(?:de|het)\s+(?:aanleiding|reden|achtergrond|aanzet)|wie\s+(?:gaf|heeft|had)\s+(?:er\s+)?(?:de\s+)?aanzet|wie\s+(?:vroeg|vroegen|heeft|hebben)\s+(?:er\s+)?om|wie\s+(?:nam|heeft)\s+(?:er\s+)?het\s+initiatief)\b/;
/** Words that ask why, besides ASKING_ONLY: the rest must only name the document. */
const ASKING_WHY = new Set("waarom aanleiding reden achtergrond er gekomen komen komt kwam nieuwe nieuw opgesteld gemaakt geschreven ontwikkeld was waren werd werden voor wie gaf heeft had aanzet tot vroeg vroegen gevraagd hebben om nam genomen initiatief".split(" "));

/**
 * Whether the message asks for a summary, and whether it names anything besides the document
 * (`about`: "vat de rol van het expertteam samen" is a question about the Expertteam, asked as
 * usual).
 */
export function summaryAsked(question: string): { about: string[]; whatIs?: boolean; aim?: boolean; reason?: boolean } | undefined {
  const folded = foldText(question);
  if (SUMMARY.test(folded)) return { about: wordTokens(folded).filter((word) => !ASKING_ONLY.has(word)), ...(AIM.test(folded) ? { aim: true } : {}) };
  if (REASON.test(folded)) return { about: wordTokens(folded).filter((word) => !ASKING_ONLY.has(word) && !ASKING_WHY.has(word)), reason: true };
  // "wat is eigenlijk de nieuwe werkwijze in groningen/drenthe?": a document asked for by its name
  // (new-user try: only the line on where it applies was quoted). Whether the rest only names a
  // document is for the caller to check.
  if (WHAT_IS.test(folded)) return { about: wordTokens(folded.replace(WHAT_IS, "")), whatIs: true };
  return undefined;
}

/** "wat is (eigenlijk) de …", "wat houdt het … in": asks what the thing named is. */
const WHAT_IS = /^\s*(?:wat\s+(?:is|zijn)\s+(?:eigenlijk\s+|nou\s+|precies\s+)*(?:de|het|dat|die|dit|deze)\s+|wat\s+houdt\s+(?:de|het|dat|die|dit|deze)\s+(?=.*\bin\s*\??\s*$))/;
