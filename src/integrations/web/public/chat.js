// Local web chat: renders the platform-neutral reply model as accessible HTML.
const log = document.getElementById("log");
const form = document.getElementById("ask");
const input = document.getElementById("question");
const status = document.getElementById("status");

/**
 * Random lower-case letters. Ids are made of letters only: random digits can look like a BSN or a
 * phone number (about 1 in 700 random UUIDs does), and the server refuses such an id.
 */
function randomLetters(length) {
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("");
}

// A pseudonymous id per browser, so the bot can keep conversation state. Never a name.
const userKey = "wegwijs-user";
// An id the server would refuse as malformed (USER_ID in webIdentity.ts: a name with a space, typed into storage by hand) is
// replaced at once: kept, every request failed and the page never recovered (new-user try).
const storedUser = localStorage.getItem(userKey);
let user = storedUser !== null && /^[A-Za-z0-9][A-Za-z0-9._@:-]{0,199}$/.test(storedUser) ? storedUser : `web-${randomLetters(24)}`;
localStorage.setItem(userKey, user);
/** An id from an older page that the server refuses as looking like personal data: replaced once. */
function replaceRefusedId(body) {
  if (!(body.details ?? []).some((d) => d.startsWith("user:") && d.includes("persoonsgegevens"))) return false;
  user = `web-${randomLetters(24)}`;
  localStorage.setItem(userKey, user);
  listen(); // the stream, too, under the new id
  return true;
}

// The conversation: shared by everyone who opens the same link (#gesprek=...), else this browser's own.
const conversationKey = "wegwijs-conversation";
const fromLink = /[#&]gesprek=([A-Za-z0-9._:-]{1,200})/.exec(location.hash)?.[1];
const conversation = fromLink ?? localStorage.getItem(conversationKey) ?? `gesprek-${randomLetters(12)}`;
if (!fromLink) localStorage.setItem(conversationKey, conversation);
// A colleague's link pasted into this open tab names another conversation: open that one (new-user
// try: the page stayed in its own conversation until it was reloaded).
window.addEventListener("hashchange", () => {
  const linked = /[#&]gesprek=([A-Za-z0-9._:-]{1,200})/.exec(location.hash)?.[1];
  if (linked && linked !== conversation) location.reload();
});

// The name colleagues see on shared checklists; chosen here, kept in this browser only.
const nameKey = "wegwijs-name";
const nameInput = document.getElementById("display-name");
if (nameInput) {
  nameInput.value = localStorage.getItem(nameKey) ?? "";
  nameInput.addEventListener("change", () => localStorage.setItem(nameKey, nameInput.value.trim()));
}
const displayName = () => (nameInput?.value ?? "").trim();
const shareLink = document.getElementById("share-link");
if (shareLink) shareLink.href = `${location.pathname}#gesprek=${conversation}`;

// Copied, with what sharing does (team try: no feedback, and the shared conversation seemed to
// share everything): colleagues with the link work on this conversation's checklist together; each
// person's own questions and answers stay theirs.
const shareHint = document.getElementById("share-hint");
shareLink?.addEventListener("click", async (event) => {
  event.preventDefault();
  const url = new URL(shareLink.getAttribute("href") ?? "", location.href).href;
  // Not allowed, or a browser that waits for a permission: the link itself is shown after a second.
  const copying = navigator.clipboard?.writeText(url).then(() => true, () => false) ?? Promise.resolve(false);
  const copied = await Promise.race([copying, new Promise((resolve) => setTimeout(() => resolve(false), 1000))]);
  const what = "Wie hem opent, werkt mee aan de spoedberaad-checklist van dit gesprek; je eigen vragen en antwoorden ziet alleen jij.";
  if (shareHint) shareHint.textContent = copied ? `Link gekopieerd: stuur hem naar je collega. ${what}` : `Stuur je collega deze link: ${url} ${what}`;
});

// How colleagues see this person while the name field is empty (from the server, asked without a
// name: "Webgebruiker" and four letters, or the name a sign-in proxy gives; never the id).
const nameHint = document.getElementById("name-hint");
let shownAs = "";
function showNameHint() {
  if (!nameHint) return;
  nameHint.textContent = shownAs && !displayName() ? `Collega's zien je nu als ${shownAs}.` : "";
}
nameInput?.addEventListener("input", showNameHint);

/**
 * This browser's copy of the conversation, so a reload or a second tab shows it again: the user's
 * own messages (as the server kept them: personal data taken out) and the bot's messages with
 * what happened to them (a step answered, a form sent, a vote). Per conversation in localStorage,
 * at most KEEP_BOT_MESSAGES bot messages, each kept as long as the server keeps conversation
 * state (keepHours, WEGWIJS_STATE_TTL_HOURS). The server keeps no copy of what was typed; shared
 * messages (a spoedberaad card) come from the server in their current state (/api/history).
 */
const TRANSCRIPT_PREFIX = "wegwijs-transcript:";
const transcriptKey = `${TRANSCRIPT_PREFIX}${conversation}`;
const KEEP_BOT_MESSAGES = 50;
let keepHours = 72;

function readTranscript(key = transcriptKey) {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? "null");
    return stored && Array.isArray(stored.entries) ? stored : { entries: [] };
  } catch {
    return { entries: [] };
  }
}

/** Entries still within the keeping time. */
function current(entries, hours = keepHours) {
  const since = Date.now() - hours * 3_600_000;
  return entries.filter((entry) => typeof entry.at === "number" && entry.at >= since);
}

/** Transcripts of other conversations past their keeping time are removed. */
function forgetOldTranscripts() {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (!key?.startsWith(TRANSCRIPT_PREFIX) || key === transcriptKey) continue;
    const stored = readTranscript(key);
    if (current(stored.entries, stored.keepHours ?? keepHours).length === 0) localStorage.removeItem(key);
  }
}

function writeTranscript(entries) {
  let bots = entries.filter((entry) => entry.who === "bot").length;
  let first = 0;
  while (bots > KEEP_BOT_MESSAGES) if (entries[first++].who === "bot") bots--;
  let kept = entries.slice(first);
  // A full storage: the oldest half goes, until it fits (or nothing is left to keep).
  for (;;) {
    try {
      if (kept.length === 0) localStorage.removeItem(transcriptKey);
      else localStorage.setItem(transcriptKey, JSON.stringify({ keepHours, entries: kept }));
      return;
    } catch {
      if (kept.length === 0) return;
      kept = kept.slice(Math.ceil(kept.length / 2));
    }
  }
}

/** Read, change and write in one go, so two tabs of one conversation do not undo each other. */
function updateTranscript(change) {
  const entries = current(readTranscript().entries);
  change(entries);
  entries.sort((a, b) => a.at - b.at);
  writeTranscript(entries);
}

/** Keeps a shown message; its article gets the entry's key for later changes. */
function remember(article, entry) {
  const key = entry.key ?? `e:${randomLetters(12)}`;
  article.setAttribute("data-key", key);
  updateTranscript((entries) => {
    const existing = entries.find((e) => e.key === key);
    if (existing) Object.assign(existing, entry, { key, at: existing.at });
    else entries.push({ at: Date.now(), ...entry, key });
  });
}

/** Records what happened to a kept message (a new state, a step answered, a form sent, a vote). */
function rememberChange(article, change) {
  const key = article?.getAttribute("data-key");
  if (!key) return;
  updateTranscript((entries) => {
    const entry = entries.find((e) => e.key === key);
    if (entry) typeof change === "function" ? change(entry) : Object.assign(entry, change);
  });
}

/** One entry per live message: a checklist card is kept once, whichever way it arrived. */
const keyOf = (reply, messageId) => {
  if (reply.slot && reply.parts.some((p) => p.kind === "checklist")) return `slot:${reply.slot}`;
  return messageId ? `m:${messageId}` : undefined;
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

/** *emphasis* only; everything else is text (never innerHTML). */
function inline(node, text) {
  text.split(/(\*[^*\n]+\*)/g).forEach((piece) => {
    if (/^\*[^*]+\*$/.test(piece)) node.append(el("em", {}, piece.slice(1, -1)));
    else node.append(piece);
  });
  return node;
}

/** A quoted list item: "- item", or "2. item" (its number stays: items may be shown out of order). */
const LIST_LINE = /^(- |\d+[.)] )/;
/** A sub-item, indented under the item it goes on from: "  - item". */
const SUB_LIST_LINE = /^ {2}- /;

/** Text as paragraphs, with its list lines as a real list (read as one by screen readers). */
function richText(text) {
  const lines = text.split("\n");
  if (!lines.some((line) => LIST_LINE.test(line))) return inline(el("p"), text);
  const box = el("div", { class: "rich" });
  let list;
  let prose = [];
  const flush = () => {
    if (prose.length > 0) box.append(inline(el("p"), prose.join("\n")));
    prose = [];
  };
  let subList;
  for (const line of lines) {
    const lastItem = list?.lastElementChild;
    if (SUB_LIST_LINE.test(line) && lastItem) {
      if (!subList) lastItem.append((subList = el("ul", { class: "quoted-list" })));
      subList.append(inline(el("li"), line.slice(4)));
      continue;
    }
    subList = undefined;
    if (!LIST_LINE.test(line)) {
      list = undefined;
      prose.push(line);
      continue;
    }
    flush();
    if (!list) box.append((list = el("ul", { class: "quoted-list" })));
    const numbered = !line.startsWith("- ");
    list.append(inline(el("li", numbered ? { class: "numbered" } : {}), numbered ? line : line.slice(2)));
  }
  flush();
  return box;
}

let formCounter = 0;

function buttonFor(label, onClick, attrs = {}) {
  const button = el("button", { type: "button", ...attrs }, label);
  button.addEventListener("click", onClick);
  return button;
}

// Choices: a few buttons, or a labelled select plus a button for longer lists.
function renderChoices(part) {
  const promptId = `prompt-${++formCounter}`;
  const box = el("div", { class: "choices", role: "group", "aria-labelledby": promptId });
  box.append(el("p", { id: promptId }, part.prompt || "Maak een keuze"));
  const choose = (choice) => send({ action: { id: part.actionId, value: choice.value } }, choice.label);
  if (part.choices.length <= 5) {
    const row = el("div", { class: "actions" });
    for (const choice of part.choices) row.append(buttonFor(choice.label, () => choose(choice)));
    box.append(row);
    return box;
  }
  const selectId = `choice-${formCounter}`;
  const select = el("select", { id: selectId });
  part.choices.forEach((choice, i) => select.append(el("option", { value: String(i) }, choice.label)));
  box.append(
    el("label", { for: selectId, class: "visually-hidden" }, part.prompt || "Maak een keuze"),
    el("div", { class: "actions" }, select, buttonFor("Kies", () => choose(part.choices[Number(select.value)]))),
  );
  return box;
}

// Checklist: each item shows its state; its buttons set a target state (never a toggle), so a
// double press or two colleagues at once are harmless. Who has it and who changed it show below.
// A state in words, not an emoji: without an emoji font "✅" and "⬜" both showed as an empty
// square (new-user try), and a drawn box read as a checkbox to click next to the "Klaar" button.
const CHECK_MARK = { open: "open", done: "✓ klaar", nvt: "n.v.t." };
const CHECK_BUTTON = { done: "Klaar", nvt: "N.v.t.", open: "Weer open" };
const clock = (iso) => (iso ? new Date(iso).toLocaleTimeString("nl-NL", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit" }) : "");
const amsterdamDay = (ms) => new Date(ms).toLocaleDateString("sv-SE", { timeZone: "Europe/Amsterdam" });
/** A reminder as a colleague reads it: "15:00" today, "morgen 15:00", else "wo 9 dec 15:00" (as the server writes it). */
function reminderAt(iso) {
  const due = new Date(iso).getTime();
  if (amsterdamDay(due) === amsterdamDay(Date.now())) return clock(iso);
  if (amsterdamDay(due) === amsterdamDay(Date.now() + 86_400_000)) return `morgen ${clock(iso)}`;
  return `${new Date(due).toLocaleDateString("nl-NL", { timeZone: "Europe/Amsterdam", weekday: "short", day: "numeric", month: "short" })} ${clock(iso)}`;
}
function renderChecklist(part) {
  const done = part.items.filter((item) => item.state === "done").length;
  const nvt = part.items.filter((item) => item.state === "nvt").length;
  const list = el("ul", { class: "checklist" });
  // Numbered as on Slack and Teams: people type "vink punt 3 af".
  for (const [index, item] of part.items.entries()) {
    // The space between label and mark is text of its own: inside the mark it was dropped, and a
    // screen reader or a copy read "aanwezigopen" (new-user try of the forty-fourth session).
    const li = el("li", { "data-item": item.id, "data-state": item.state }, el("span", { class: "label" }, `${index + 1}. ${item.label}`), " ", el("span", { class: "mark" }, CHECK_MARK[item.state] ?? ""));
    const meta = [];
    // Named by someone else, or done: the owner is not taking it up now (see checklistItemMeta).
    const ownedBy = item.state === "open" && (!item.changedBy || item.changedBy === item.owner) ? `${item.owner} pakt het op` : `Eigenaar: ${item.owner}`;
    if (item.owner) meta.push(`${ownedBy}${item.dueAt && item.state === "open" ? ` (herinnering ${reminderAt(item.dueAt)})` : ""}`);
    if (item.changedBy && item.changedBy !== item.owner) meta.push(`gewijzigd door ${item.changedBy}${item.changedAt ? `, ${clock(item.changedAt)}` : ""}`);
    else if (item.changedBy && item.changedAt) meta.push(`gewijzigd ${clock(item.changedAt)}`);
    if (meta.length > 0) li.append(el("div", { class: "who" }, meta.join(" · ")));
    if (item.note) li.append(el("div", { class: "note" }, `Notitie: ${item.note}`));
    if (part.status === "open") {
      const row = el("div", { class: "actions" });
      for (const state of ["done", "nvt", "open"].filter((s) => s !== item.state)) {
        const value = `${part.checklistId}:${item.id}:${state}`;
        row.append(buttonFor(CHECK_BUTTON[state], () => send({ action: { id: part.setStateActionId, value } }, null), { "data-state": state, "aria-label": `${CHECK_BUTTON[state]}: ${item.label}` }));
      }
      if (part.ownerActionId && !item.owner && item.state === "open") {
        const value = `${part.checklistId}:${item.id}`;
        row.append(buttonFor("Ik pak dit op", () => send({ action: { id: part.ownerActionId, value } }, null), { "aria-label": `Ik pak dit op: ${item.label}` }));
      }
      if (part.detailsActionId) {
        // Owner, reminder and note: the answer is a form for this person only.
        const value = `${part.checklistId}:${item.id}`;
        row.append(buttonFor("Details", () => send({ action: { id: part.detailsActionId, value } }, null), { "aria-label": `Details: ${item.label}` }));
      }
      li.append(row);
    }
    list.append(li);
  }
  const status = `${part.status === "closed" ? "Afgerond · " : ""}${done} van ${part.items.length} klaar${nvt ? `, ${nvt} n.v.t.` : ""} · voorzitter: ${part.chair}`;
  return el(
    "section",
    { class: "checklist-part", "aria-label": part.title, "data-checklist": part.checklistId, "data-version": String(part.version) },
    el("h2", {}, part.title),
    el("p", { class: "where" }, status),
    list,
  );
}

/** The status of a form whose send was turned down with no new form: the reason comes below it. */
const TURNED_DOWN = "Niet verstuurd; hieronder staat waarom.";
/** Kept for a form that a new one replaced (see retireForm). */
const REPLACED = "replaced";

/**
 * A form sent back with what was refused: the new form below, with the refusal and what was
 * typed, replaces it. It goes, with a refusal shown above it, and its message when nothing else
 * is left (new-user try: its title, "Niet verstuurd" and the new warning stood stacked above the
 * new form).
 */
function retireForm(form) {
  const article = form.closest("article");
  const above = form.previousElementSibling;
  if (above?.matches(".notice.warning")) above.remove();
  form.remove();
  if (article && article.textContent.trim() === "") article.remove();
}

/**
 * A sent, cancelled or refused form (see renderForm) keeps only its title and a status line. A
 * refused one's fields return, filled in, on the form below (new-user try: two copies of the same
 * form, one greyed out, looked like a fault); a sent one's greyed-out empty fields looked as if
 * what was typed had got lost (new-user try: "Afronden met advies").
 */
function finishForm(form, status) {
  for (const part of form.querySelectorAll(".field, .actions")) part.remove();
  for (const input of form.querySelectorAll("input, textarea, select")) {
    if (input.tagName !== "SELECT") input.value = "";
    input.disabled = true;
  }
  for (const button of form.querySelectorAll("button")) button.disabled = true;
  // The reasons a previous send was refused are settled now (new-user try: the red refusal stayed
  // next to "Opgeslagen"): the lines under the fields, and the refusal shown right above the form.
  for (const error of form.querySelectorAll(".field-error")) error.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  const above = form.previousElementSibling;
  if (above?.matches(".notice.warning")) above.remove();
  form.classList.add("done");
  form.append(el("p", { class: "where" }, status));
}

// Form: real labels and required fields; the browser checks them before we post.
function renderForm(part) {
  const n = ++formCounter;
  const titleId = `form-title-${n}`;
  const form = el("form", { class: "reply-form", "aria-labelledby": titleId });
  form.append(el("h2", { id: titleId }, part.title));
  if (part.description) form.append(el("p", { class: "where" }, part.description));
  const inputs = [];
  for (const field of part.fields) {
    const id = `f-${n}-${field.id}`;
    const maxlength = String(field.maxLength ?? 4000);
    // A person: one of the people listed (a select, like a choice), else a typed id.
    const listed = field.kind === "choice" || (field.kind === "person" && (field.options ?? []).length > 0);
    let input;
    if (listed) {
      input = el("select", { id, name: field.id });
      input.append(el("option", { value: "" }, field.placeholder || "Maak een keuze"));
      for (const option of field.options ?? []) input.append(el("option", { value: option.value }, option.label));
    } else if (field.kind === "multiline") {
      input = el("textarea", { id, name: field.id, rows: "4", maxlength });
    } else {
      input = el("input", { id, name: field.id, type: "text", maxlength });
    }
    if (field.placeholder && !listed) input.setAttribute("placeholder", field.placeholder);
    if (field.value) input.value = field.value;
    if (field.required) input.required = true;
    inputs.push([field.id, input]);
    const label = el("label", { for: id }, field.label);
    if (field.required) label.append(el("span", { class: "required", "aria-hidden": "true" }, " *"));
    const field_ = el("div", { class: "field" }, label, input);
    if (field.error) {
      // The server's refusal of the last submit, tied to the input for screen readers.
      const errorId = `${id}-error`;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", errorId);
      field_.append(el("p", { id: errorId, class: "field-error", role: "alert" }, field.error));
    }
    form.append(field_);
  }
  const submit = el("button", { type: "submit", class: "primary" }, part.submitLabel);
  const row = el("div", { class: "actions" }, submit);
  /**
   * A sent or cancelled form is done: read-only, its buttons off, and what was typed cleared. The
   * server answers with a new form when it refuses something, so text it refused (a phone
   * number in a note) does not stay on the page looking saved.
   */
  const finish = (status) => {
    finishForm(form, status);
    rememberChange(form.closest("article"), { formDone: status });
  };
  if (part.cancel) {
    const cancel = part.cancel;
    row.append(buttonFor(cancel.label, async () => {
      const payload = { action: { id: cancel.id, value: cancel.value } };
      if (await sendFrom(form.closest("article"), payload, null)) finish("Geannuleerd.");
    }));
  }
  form.append(row);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(inputs.map(([fieldId, input]) => [fieldId, input.value]));
    submit.disabled = true;
    // Being sent: a push that redraws this message meanwhile (the question settled by this very
    // answer) is no reason to say its text was not sent (second new-user try: "Beantwoord" and
    // "Niet verstuurd" stood together).
    form.setAttribute("data-sending", "");
    // No bubble with the button's label: the form itself says what became of it (new-user try:
    // "Opslaan" and "Aanvraag indienen" stood in the chat as if typed).
    const ok = await sendFrom(form.closest("article"), { action: { id: part.submitActionId, value: part.formId, fields } }, null);
    form.removeAttribute("data-sending");
    // A checklist's details change the card itself (new-user try: "het antwoord staat hieronder",
    // and nothing came below).
    if (ok === "refused") {
      rememberChange(form.closest("article"), { formDone: REPLACED });
      retireForm(form);
    } else if (ok === "turned down") finish(TURNED_DOWN);
    // "de bevestiging": what comes below confirms the form; "het antwoord" read as the requester's
    // own answer being below (team try of the thirty-third session).
    else if (ok) finish(ok === "in place" ? "Opgeslagen; de checklist hierboven is bijgewerkt." : "Verstuurd; de bevestiging staat hieronder.");
    else submit.disabled = false;
  });
  return form;
}

// 👍 / 👎 under an answer: one vote per answer, a second press changes it (the server keeps one
// vote per answer and user). A 👎 is answered with a short, optional reason form.
const FEEDBACK_ACTION = "ask.feedback";
const MORE_SOURCES_ACTION = "ask.moreSources";

function renderFeedback(part) {
  const box = el("div", { class: "actions feedback", role: "group", "aria-label": "Was dit antwoord nuttig?", "data-answer-id": part.answerId });
  const buttons = [
    ["useful", "👍 Nuttig"],
    ["not_useful", "👎 Niet nuttig"],
  ].map(([rating, label]) => {
    const button = buttonFor(label, async () => {
      if (button.getAttribute("aria-pressed") === "true") return;
      // The thanks or the reason form is shown under the answer voted on, also an older one.
      // A changed vote replaces what the earlier vote brought ("Dank je!" does not stay above "Je
      // eerdere stem is aangepast").
      const ok = await send({ action: { id: FEEDBACK_ACTION, value: `${part.answerId}:${rating}` } }, null, undefined, { under: box.closest("article"), kind: "vote" });
      if (!ok) return;
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      rememberChange(box.closest("article"), { rating });
    }, { "aria-pressed": "false", "data-rating": rating });
    return button;
  });
  box.append(...buttons);
  return box;
}

function renderPart(part) {
  switch (part.kind) {
    case "text":
      return richText(part.text);
    case "heading":
      return el("h2", { class: "heading" }, part.text);
    case "notice":
      return el("div", { class: `notice ${part.level}`, role: part.level === "warning" ? "alert" : "note" }, richText(part.text));
    case "sources": {
      const list = el("ol");
      for (const s of part.sources) {
        // The short title is shown; the full title is there on hover and for screen readers.
        list.append(
          el("li", { value: String(s.n) },
            el("strong", { title: s.documentTitle }, s.shortTitle || s.documentTitle),
            el("span", { class: "where" }, ` — ${s.section}`),
            el("blockquote", {}, `“${s.quote}”`)),
        );
      }
      return el("section", { class: "sources", "aria-label": part.title }, el("h2", {}, part.title), list);
    }
    case "actions": {
      const box = el("div", part.once ? { class: "actions", "data-once": "true" } : { class: "actions" });
      for (const action of part.actions) {
        const attrs = action.style ? { class: action.style } : {};
        const button = buttonFor(action.label, async () => {
          // "Meer bronnen" belongs to its answer: the list is shown under it, also under an older
          // answer, without a message of the user's own between them.
          const moreSources = action.id === MORE_SOURCES_ACTION;
          const payload = { action: { id: action.id, value: action.value } };
          const ok = moreSources ? await send(payload, null, button, { under: box.closest("article") }) : await send(payload, action.label, button);
          // "Meer bronnen" shows the same list every time: once is enough.
          if (ok && moreSources) {
            button.disabled = true;
            rememberChange(box.closest("article"), (entry) => {
              entry.disabled = [...new Set([...(entry.disabled ?? []), action.label])];
            });
          }
        }, attrs);
        box.append(button);
      }
      return box;
    }
    case "choices":
      return renderChoices(part);
    case "checklist":
      return renderChecklist(part);
    case "form":
      return renderForm(part);
    case "feedback":
      return renderFeedback(part);
    default:
      // The server checks replies exhaustively (webReply.ts); this only guards an outdated page.
      return el("p", {}, "(Dit onderdeel kan de webchat niet tonen.)");
  }
}

function addMessage(who, nodes, attrs = {}, { scroll = true, after } = {}) {
  const msg = el("article", { class: `msg ${who}`, "aria-label": who === "user" ? "Jij" : "Wegwijs", ...attrs });
  nodes.forEach((n) => msg.append(n));
  if (after?.isConnected) after.after(msg);
  else log.append(msg);
  if (scroll) msg.scrollIntoView({ behavior: "smooth", block: "end" });
  return msg;
}

/**
 * A bot reply, kept in this browser's transcript; one with a slot (a route walk) gets it as an
 * attribute, so the next step can close it.
 */
function addReply(reply, attrs = {}, options = {}) {
  const article = addMessage("bot", reply.parts.map(renderPart), reply.slot ? { "data-slot": reply.slot, ...attrs } : attrs, options);
  const messageId = attrs["data-message-id"];
  if (options.under) article.setAttribute("data-under", options.under);
  if (options.under && options.kind) article.setAttribute("data-kind", options.kind);
  const at = options.after ? keptAt(options.after) : undefined;
  const entry = { who: "bot", reply, ...(messageId ? { messageId } : {}), ...(at ? { at } : {}), ...(options.under ? { under: options.under } : {}), ...(options.under && options.kind ? { kind: options.kind } : {}) };
  if (options.remember !== false) remember(article, { ...entry, key: keyOf(reply, messageId) });
  return article;
}

/**
 * What belongs to an answer (its further sources, the thanks for a vote, the reason form) is
 * drawn under it, after what came for it before: the answer's key names the group.
 */
function groupOf(article) {
  const key = article.getAttribute("data-under") ?? article.getAttribute("data-key");
  let last = article;
  while (key && last.nextElementSibling?.getAttribute("data-under") === key) last = last.nextElementSibling;
  return { key, last };
}

/** Removes the messages of one kind (what a vote brought) under an answer, here and in the transcript. */
function forgetKind(key, kind) {
  const gone = [...log.querySelectorAll(`article[data-under="${CSS.escape(key)}"][data-kind="${CSS.escape(kind)}"]`)];
  const keys = new Set(gone.map((article) => article.getAttribute("data-key")));
  gone.forEach((article) => article.remove());
  updateTranscript((entries) => {
    for (let i = entries.length - 1; i >= 0; i--) if (keys.has(entries[i].key)) entries.splice(i, 1);
  });
}

/** Sends from a message: one drawn under an earlier answer answers under it too. */
function sendFrom(article, payload, shownText) {
  return article?.hasAttribute("data-under") ? send(payload, null, undefined, { under: article }) : send(payload, shownText);
}

/**
 * When a kept message was shown, nudged by a millisecond: a reply kept just after it stays in
 * place when the page draws its transcript again (entries are kept in time order).
 */
function keptAt(article) {
  const key = article.getAttribute("data-key");
  const entry = key ? current(readTranscript().entries).find((e) => e.key === key) : undefined;
  return entry ? entry.at + 1 : undefined;
}

/**
 * A shared checklist is one live message: a newer state of it (an answer to this page's own press,
 * pushed, or restored from the server) redraws the article in place. The same or an older version
 * is not drawn again: a redraw replaces the buttons, which would eat a click in progress and move
 * the keyboard focus (a page that reopens gets its card from the history and from the stream).
 */
function redrawLive(reply, messageId) {
  const part = reply.parts.find((p) => p.kind === "checklist");
  if (!part || !reply.slot) return false;
  const existing = [...log.querySelectorAll(`article[data-slot="${CSS.escape(reply.slot)}"]`)].at(-1);
  if (!existing) return false;
  const shown = Number(existing.querySelector("[data-version]")?.getAttribute("data-version") ?? -1);
  if (part.version > shown) {
    existing.replaceChildren(...reply.parts.map(renderPart));
    rememberChange(existing, { reply });
  }
  if (messageId) existing.setAttribute("data-message-id", messageId);
  return true;
}

/**
 * A newer message of the same slot (the next step of a walk, typed or pressed) makes the older ones
 * history: their buttons off, none marked (new-user try: an old step's "Ja" stayed pressable after
 * the answer was typed, and looked chosen when the server refused it).
 */
function supersede(slot, newest) {
  for (const older of log.querySelectorAll(`article.msg.bot[data-slot="${CSS.escape(slot)}"]:not(.done)`)) {
    if (older === newest) continue;
    closeArticle(older);
    rememberChange(older, { done: true });
  }
}

/** The message is answered: its buttons and fields off, the pressed one (by its label) marked. */
function closeArticle(article, chosenLabel) {
  for (const control of article.querySelectorAll("button, input, textarea, select")) control.disabled = true;
  const chosen = [...article.querySelectorAll("button")].find((b) => b.textContent === chosenLabel);
  if (chosen) {
    chosen.classList.add("chosen");
    chosen.setAttribute("aria-pressed", "true");
  }
  article.classList.add("done");
}

/**
 * The next state of a slot (the next route step, the answer to a question) came in: the message
 * the button was on stays as a record, its buttons disabled and the chosen one marked.
 */
function closeStep(pressed, replies) {
  const article = pressed?.closest("article.msg.bot");
  const slot = article?.getAttribute("data-slot");
  // A one-time choice ("Ja, afronden" / "Nog niet") is done once answered, slot or not.
  const once = Boolean(pressed?.closest('[data-once="true"]'));
  if (!article || !((slot && replies.some((r) => r.slot === slot)) || (once && replies.length > 0))) return;
  closeArticle(article, pressed.textContent);
  rememberChange(article, { done: true, chosen: pressed.textContent });
}

/**
 * Posts a message or action; resolves to true when the bot answered. The replies go at the end of
 * the conversation, or right under the message `under` (what belongs to that message).
 */
async function send(payload, shownText, pressed, { under, kind } = {}) {
  const bubble = shownText ? addMessage("user", [el("p", {}, shownText)]) : undefined;
  const shownAt = Date.now();
  status.textContent = "Wegwijs zoekt in de plandocumenten…";
  form.querySelector("button").disabled = true;
  try {
    const post = () =>
      fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user, conversation, ...(displayName() ? { name: displayName() } : {}), ...payload }),
      });
    let response = await post();
    let body = await response.json();
    if (response.status === 400 && replaceRefusedId(body)) {
      response = await post();
      body = await response.json();
    }
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    if (bubble) {
      // Shown and kept as the server kept it: a BSN or phone number typed by mistake is gone.
      const kept = typeof body.text === "string" ? body.text : shownText;
      if (kept !== shownText) bubble.querySelector("p").textContent = kept;
      remember(bubble, { who: "user", text: kept, at: shownAt });
    }
    closeStep(pressed, body.replies);
    if (under && kind) forgetKind(groupOf(under).key, kind);
    const group = under ? groupOf(under) : undefined;
    let after = group?.last;
    let redrawn = false;
    let added = false;
    let refused = false;
    // A reply that opens with a warning and brings no form back turned the action down (a consult
    // request closed meanwhile): the form must not say "Verstuurd" above it (new-user try).
    const first = body.replies[0];
    const turnedDown = first !== undefined && first.parts[0]?.kind === "notice" && first.parts[0].level === "warning" && !body.replies.some((r) => r.parts.some((p) => p.kind === "form"));
    for (const reply of body.replies) {
      if (redrawLive(reply)) {
        redrawn = true;
        continue;
      }
      added = true;
      const article = addReply(reply, {}, after ? { after, under: group.key, kind } : {});
      if (reply.slot) supersede(reply.slot, article);
      if (after) after = article;
      if (reply.parts.some((p) => p.kind === "form" && p.fields.some((f) => f.error))) refused = true;
    }
    status.textContent = "";
    // Where the answer went: a shared card redrawn in place above, a new message below, or a form
    // that comes back with what was refused.
    return refused ? "refused" : turnedDown ? "turned down" : redrawn && !added ? "in place" : "below";
  } catch (error) {
    addMessage("bot", [el("div", { class: "notice warning", role: "alert" }, `Dat lukte niet: ${error.message}. Probeer het opnieuw.`)]);
    status.textContent = "";
    return false;
  } finally {
    form.querySelector("button").disabled = false;
    input.focus();
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  // Only spaces: say what is missing instead of doing nothing (new-user try).
  if (!text) {
    status.textContent = "Typ eerst je vraag of opdracht.";
    return;
  }
  input.value = "";
  send({ text }, text);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

/** A pushed message: a known message id or live slot is redrawn in place, a new one is added. */
function showPushed({ messageId, reply }) {
  if (redrawLive(reply, messageId)) return;
  // The same message again (by id), or the newest message of the same slot (a shared checklist
  // this page first got as the answer to its own command): redrawn in place.
  const byId = log.querySelector(`article[data-message-id="${CSS.escape(messageId)}"]`);
  const bySlot = reply.slot ? [...log.querySelectorAll(`article[data-slot="${CSS.escape(reply.slot)}"]`)].at(-1) : null;
  const existing = byId ?? bySlot;
  if (existing) {
    // Text typed in a form of this message that was not sent (a question the coordinator settled
    // by closing the request meanwhile) is shown again, not wiped (coordinator try). Not kept.
    const unsent = [...existing.querySelectorAll("form:not([data-sending]) textarea, form:not([data-sending]) input[type=text]")].map((field) => field.value.trim()).filter(Boolean);
    existing.replaceChildren(...reply.parts.map(renderPart));
    if (unsent.length > 0 && !reply.parts.some((part) => part.kind === "form")) {
      existing.append(el("div", { class: "notice warning", role: "status" }, `Niet verstuurd. Dit had je getypt: ${unsent.join(" / ")}`));
    }
    existing.setAttribute("data-message-id", messageId);
    rememberChange(existing, { reply, messageId });
  } else addReply(reply, { "data-message-id": messageId });
}

// Messages pushed to this conversation (a colleague's tick, a notification). EventSource
// reconnects by itself. Until the page has shown what it kept, pushes wait their turn.
let source;
let restored = false;
const waiting = [];
function listen() {
  if (!("EventSource" in window)) return;
  source?.close();
  const params = new URLSearchParams({ conversation, user });
  source = new EventSource(`/api/stream?${params}`);
  const show = (event) => {
    const pushed = JSON.parse(event.data);
    if (restored) showPushed(pushed);
    else waiting.push(pushed);
  };
  source.addEventListener("message", show);
  source.addEventListener("update", show);
  source.addEventListener("open", () => document.body.setAttribute("data-stream", "open"));
}

/** What the server keeps for this conversation (shared messages as they stand now), or nothing. */
async function fetchHistory() {
  try {
    const params = new URLSearchParams({ conversation, user });
    let response = await fetch(`/api/history?${params}`);
    let body = await response.json();
    if (response.status === 400 && replaceRefusedId(body)) {
      params.set("user", user);
      response = await fetch(`/api/history?${params}`);
      body = await response.json();
    }
    return response.ok ? body : undefined;
  } catch {
    return undefined;
  }
}

/** A kept message shown again, with what happened to it. */
function showKept(entry) {
  if (entry.who === "user") {
    if (typeof entry.text !== "string") return;
    addMessage("user", [el("p", {}, entry.text)], {}, { scroll: false }).setAttribute("data-key", entry.key);
    return;
  }
  if (!Array.isArray(entry.reply?.parts)) return;
  const article = addReply(entry.reply, entry.messageId ? { "data-message-id": entry.messageId } : {}, { remember: false, scroll: false });
  article.setAttribute("data-key", entry.key);
  if (typeof entry.under === "string") article.setAttribute("data-under", entry.under);
  if (typeof entry.under === "string" && typeof entry.kind === "string") article.setAttribute("data-kind", entry.kind);
  if (entry.done) closeArticle(article, entry.chosen);
  const sent = article.querySelector("form.reply-form");
  if (entry.formDone === REPLACED && sent) retireForm(sent);
  else if (entry.formDone && sent) finishForm(sent, entry.formDone);
  for (const button of article.querySelectorAll("button")) if (entry.disabled?.includes(button.textContent)) button.disabled = true;
  if (entry.rating) for (const button of article.querySelectorAll(".feedback button")) button.setAttribute("aria-pressed", String(button.getAttribute("data-rating") === entry.rating));
}

/**
 * Opening the page: the stream first (it makes this person part of the conversation), then what
 * this browser kept, then the shared messages as the server has them now (a card that changed
 * while the page was closed is redrawn; a colleague opening the link gets it too). A page with
 * nothing kept is greeted first.
 */
async function start() {
  listen();
  const history = await fetchHistory();
  if (history) {
    keepHours = Number(history.keepHours) > 0 ? Number(history.keepHours) : keepHours;
    shownAs = typeof history.shownAs === "string" ? history.shownAs : "";
    showNameHint();
  }
  forgetOldTranscripts();
  updateTranscript(() => undefined); // what is past its keeping time goes now, not at the next message
  const kept = current(readTranscript().entries);
  for (const entry of kept) {
    try {
      showKept(entry);
    } catch {
      // A kept message this page cannot draw any more (an older page's format): left out.
    }
  }
  if (kept.length === 0) await send({ text: "help" }, null);
  const keptReplies = new Set(kept.filter((e) => e.who === "bot").map((e) => JSON.stringify(e.reply)));
  for (const reply of history?.replies ?? []) {
    // A summary this page was pushed before is drawn from the same record: the same message.
    if (!redrawLive(reply) && !keptReplies.has(JSON.stringify(reply))) addReply(reply, {}, { scroll: false });
  }
  restored = true;
  for (const pushed of waiting.splice(0)) showPushed(pushed);
  log.lastElementChild?.scrollIntoView({ block: "end" });
  document.body.setAttribute("data-restored", "true");
}

/**
 * A button whose press must be confirmed: the first click asks ("Zeker weten? …"), a second within
 * a few seconds does it; otherwise it returns to its label (team try: one click wiped a conversation).
 */
function confirmedButton(button, asking, act) {
  if (!button) return;
  const label = button.textContent ?? "";
  let armed;
  button.addEventListener("click", async () => {
    if (!armed) {
      button.textContent = asking;
      armed = setTimeout(() => {
        armed = undefined;
        button.textContent = label;
      }, 5000);
      return;
    }
    clearTimeout(armed);
    armed = undefined;
    button.textContent = label;
    await act();
  });
}

// "Wis dit gesprek hier": this browser forgets its copy; shared messages stay for the team.
confirmedButton(document.getElementById("forget"), "Zeker weten? Klik nog eens om te wissen", async () => {
  localStorage.removeItem(transcriptKey);
  log.replaceChildren();
  await send({ text: "help" }, null);
  const history = await fetchHistory();
  for (const reply of history?.replies ?? []) if (!redrawLive(reply)) addReply(reply);
});

// "Nieuw gesprek": a conversation of this browser's own, with its own link; the one left stays for
// whoever has its link (team try: the next case landed in the same shared conversation, and
// "consult" was filled in from its checklist).
confirmedButton(document.getElementById("new-conversation"), "Zeker weten? Klik nog eens voor een nieuw gesprek", () => {
  localStorage.setItem(conversationKey, `gesprek-${randomLetters(12)}`);
  // Without the old link in the address, the page opens the new conversation.
  history.replaceState(null, "", location.pathname);
  location.reload();
});

void start();
